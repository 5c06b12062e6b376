import { version } from "../../package.json"

/** The package's version, as `cartwright --version` prints it (bundled at build time, so no file is read at run time). */
export const VERSION: string = version

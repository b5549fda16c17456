export { versionString } from "./services/version.js";

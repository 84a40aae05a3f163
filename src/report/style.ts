export { DOC_CSS as REPORT_CSS } from "../doc/style.js";

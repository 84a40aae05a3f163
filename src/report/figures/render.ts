export { FONT_DIRS, FONT_FILES, renderPng, renderSvg } from "../../doc/render.js";

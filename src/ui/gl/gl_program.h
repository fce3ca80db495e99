// A GLSL ES 3.00 program from the sources embedded out of shaders/ (generated/shaders.h).
#pragma once

namespace ui::gl {

// Compiles and links; on failure logs the compiler's message under `name` and returns 0, so
// the caller can fall back to drawing without it.
unsigned BuildGlProgram(const char* name, const char* vertex_source, const char* fragment_source);

} // namespace ui::gl

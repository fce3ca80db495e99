#include "ui/gl/background.h"

#include <GLES3/gl3.h>

#include "shaders.h"
#include "ui/gl/gl_program.h"

namespace ui::gl {

bool CreateBackground(BackgroundRenderer& bg) {
    bg.program = BuildGlProgram("background", kShader_background_vert, kShader_background_frag);
    if (!bg.program)
        return false;
    bg.u_base = glGetUniformLocation(bg.program, "u_base");
    bg.u_line = glGetUniformLocation(bg.program, "u_line");
    bg.u_major = glGetUniformLocation(bg.program, "u_major");
    bg.u_spacing = glGetUniformLocation(bg.program, "u_spacing");
    // WebGL2 needs a bound vertex array even though the triangle comes from gl_VertexID.
    glGenVertexArrays(1, &bg.vertex_array);
    return true;
}

void DrawBackground(const BackgroundRenderer& bg, const BackgroundColors& c, float spacing_px) {
    if (!bg.program) {
        glClearColor(c.base.x, c.base.y, c.base.z, c.base.w);
        glClear(GL_COLOR_BUFFER_BIT);
        return;
    }
    glUseProgram(bg.program);
    glUniform4f(bg.u_base, c.base.x, c.base.y, c.base.z, c.base.w);
    glUniform4f(bg.u_line, c.line.x, c.line.y, c.line.z, c.line.w);
    glUniform4f(bg.u_major, c.major.x, c.major.y, c.major.z, c.major.w);
    glUniform1f(bg.u_spacing, spacing_px);
    glBindVertexArray(bg.vertex_array);
    glDrawArrays(GL_TRIANGLES, 0, 3);
    glBindVertexArray(0);
    glUseProgram(0);
}

void DestroyBackground(BackgroundRenderer& bg) {
    if (bg.vertex_array)
        glDeleteVertexArrays(1, &bg.vertex_array);
    if (bg.program)
        glDeleteProgram(bg.program);
    bg = {};
}

} // namespace ui::gl

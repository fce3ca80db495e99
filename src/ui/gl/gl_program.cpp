#include "ui/gl/gl_program.h"

#include <GLES3/gl3.h>
#include <cstdio>

namespace ui::gl {

namespace {

unsigned CompileShader(const char* name, unsigned kind, const char* source) {
    unsigned shader = glCreateShader(kind);
    glShaderSource(shader, 1, &source, nullptr);
    glCompileShader(shader);
    int ok = 0;
    glGetShaderiv(shader, GL_COMPILE_STATUS, &ok);
    if (!ok) {
        char log[512];
        glGetShaderInfoLog(shader, sizeof log, nullptr, log);
        std::fprintf(stderr, "%s shader: %s\n", name, log);
        glDeleteShader(shader);
        return 0;
    }
    return shader;
}

} // namespace

unsigned BuildGlProgram(const char* name, const char* vertex_source, const char* fragment_source) {
    unsigned vs = CompileShader(name, GL_VERTEX_SHADER, vertex_source);
    unsigned fs = CompileShader(name, GL_FRAGMENT_SHADER, fragment_source);
    if (!vs || !fs) {
        glDeleteShader(vs);
        glDeleteShader(fs);
        return 0;
    }
    unsigned program = glCreateProgram();
    glAttachShader(program, vs);
    glAttachShader(program, fs);
    glLinkProgram(program);
    glDeleteShader(vs);
    glDeleteShader(fs);
    int ok = 0;
    glGetProgramiv(program, GL_LINK_STATUS, &ok);
    if (!ok) {
        char log[512];
        glGetProgramInfoLog(program, sizeof log, nullptr, log);
        std::fprintf(stderr, "%s program: %s\n", name, log);
        glDeleteProgram(program);
        return 0;
    }
    return program;
}

} // namespace ui::gl

// Files compiled into the program: as text by cmake/embed_files.cmake (shaders), as bytes by
// cmake/embed_bytes.cmake (fonts, Python sources and example programs, deflated; the examples are
// EmbeddedFile again once config/example_programs.h inflates them).
#pragma once
#include <cstddef>

struct EmbeddedFile {
    const char* name; // file name, e.g. "basics.py"
    const char* text;
};

struct EmbeddedBytes {
    const char* name; // the file's name up to its first dot, e.g. "random" for random.py.deflate
    const unsigned char* data;
    size_t size;
};

// Files compiled into the program: as text by cmake/embed_files.cmake (shaders, example
// programs), as bytes by cmake/embed_bytes.cmake (fonts and Python sources, deflated).
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

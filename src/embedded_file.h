// A file compiled into the program by cmake/embed_files.cmake (shaders, example programs).
#pragma once

struct EmbeddedFile {
    const char* name; // file name, e.g. "basics.py"
    const char* text;
};

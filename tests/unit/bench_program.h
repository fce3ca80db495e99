// The schedule explorer's benchmark programs (bench/explore/), shared by its unit tests.
#pragma once
#include <fstream>
#include <sstream>
#include <string>

// The program's text, empty if the file is missing (then the checks on it fail).
inline std::string bench_program(const char* name) {
    std::ifstream file(std::string(THREADLAB_SOURCE_DIR) + "/bench/explore/" + name, std::ios::binary);
    std::stringstream text;
    text << file.rdbuf();
    return text.str();
}

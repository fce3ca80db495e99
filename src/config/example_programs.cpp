#include "config/example_programs.h"

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "config/deflate.h"
#include "example_sources.h"

namespace config {

namespace {

// Larger than any example by far; only the build writes these files.
constexpr size_t kMaxProgramBytes = 1 << 20;

struct Programs {
    std::vector<std::string> names;
    std::vector<std::string> texts;
    std::vector<EmbeddedFile> files;  // points into names and texts, which no longer change
};

Programs inflate_all() {
    Programs programs;
    for (const EmbeddedBytes& file : kExampleFiles) {
        InflateResult text = inflate_raw({file.data, file.size}, kMaxProgramBytes);
        if (text.error != InflateError::None) {
            std::fprintf(stderr, "embedded %s.py: %s\n", file.name, inflate_error_text(text.error));
            std::abort();
        }
        programs.names.push_back(std::string(file.name) + ".py");
        programs.texts.push_back(std::move(text.output));
    }
    for (size_t i = 0; i < programs.names.size(); ++i)
        programs.files.push_back({programs.names[i].c_str(), programs.texts[i].c_str()});
    return programs;
}

} // namespace

std::span<const EmbeddedFile> example_programs() {
    static const Programs programs = inflate_all(); // C++ runs this once, whichever thread asks first
    return programs.files;
}

} // namespace config

// The embedded Python sources (embedded_sources.h), inflated with config's inflater.
#include "python/embedded_sources.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <string>

#include "config/deflate.h"
#include "python_sources.h"

namespace python {

namespace {

// Larger than any module's source by far; only the build writes these files.
constexpr size_t kMaxSourceBytes = 1 << 20;

using Sources = std::map<std::string, std::string, std::less<>>;

Sources inflate_all() {
    Sources sources;
    for (const EmbeddedBytes& file : kPythonFiles) {
        config::InflateResult text = config::inflate_raw({file.data, file.size}, kMaxSourceBytes);
        if (text.error != config::InflateError::None) {
            std::fprintf(stderr, "embedded %s.py: %s\n", file.name, config::inflate_error_text(text.error));
            std::abort();
        }
        sources.emplace(file.name, std::move(text.output));
    }
    return sources;
}

} // namespace

const char* embedded_python_source(std::string_view name) {
    static const Sources sources = inflate_all(); // C++ runs this once, whichever thread asks first
    auto found = sources.find(name);
    if (found == sources.end()) {
        std::fprintf(stderr, "no embedded Python source %.*s.py\n", int(name.size()), name.data());
        std::abort();
    }
    return found->second.c_str();
}

} // namespace python

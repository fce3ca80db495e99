#include "real/units.h"

#include <cstdio>

namespace real {

const char* format_duration_ns(char* buf, size_t size, double ns) {
    if (ns < 1e3)
        std::snprintf(buf, size, "%.0f ns", ns);
    else if (ns < 1e6)
        std::snprintf(buf, size, "%.1f \xC2\xB5s", ns / 1e3);
    else if (ns < 1e9)
        std::snprintf(buf, size, "%.1f ms", ns / 1e6);
    else
        std::snprintf(buf, size, "%.2f s", ns / 1e9);
    return buf;
}

const char* format_bytes(char* buf, size_t size, double bytes) {
    if (bytes >= 1e9)
        std::snprintf(buf, size, "%.1f GB", bytes / 1e9);
    else if (bytes >= 1e6)
        std::snprintf(buf, size, "%.1f MB", bytes / 1e6);
    else
        std::snprintf(buf, size, "%.1f kB", bytes / 1e3);
    return buf;
}

} // namespace real

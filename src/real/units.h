// The probes' figures in words a person reads at a glance: 14 ns, 3.6 µs, 22 ms; 41.5 MB.
#pragma once
#include <cstddef>

namespace real {

// ns, µs, ms or s, whichever keeps the number short; returns buf.
const char* format_duration_ns(char* buf, size_t size, double ns);
// kB, MB or GB (powers of 1000); returns buf.
const char* format_bytes(char* buf, size_t size, double bytes);

} // namespace real

#include "python/host.h"

namespace python {

void BufferHost::write_stdout(std::string_view text)
{
    stdout_text += text;
}

void BufferHost::write_stderr(std::string_view text)
{
    stderr_text += text;
}

uint64_t BufferHost::random_u64()
{
    uint64_t z = (seed += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

} // namespace python

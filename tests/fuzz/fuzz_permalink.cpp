// libFuzzer target for the permalink decoder: any bytes as a link must decode without a crash,
// an out-of-bounds read (with -fsanitize=address,undefined) or a hang, and what it accepts must
// be a config the lab can show: it re-encodes to a link that decodes cleanly to the same config.
// The raw-DEFLATE inflater is driven directly as well, since a program blob reaches it only after
// base64url and that hides most of its input space from the fuzzer.
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include "config/deflate.h"
#include "config/permalink.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view link(reinterpret_cast<const char*>(data), size);
    config::DecodeResult decoded = config::decode_fragment(link);
    config::DecodeResult again = config::decode_fragment(config::encode_fragment(decoded.config));
    if (!again.problems.empty() || !(again.config == decoded.config))
        abort();
    config::InflateResult inflated = config::inflate_raw({data, size}, 64 * 1024);
    if (inflated.output.size() > 64 * 1024)
        abort();
    return 0;
}

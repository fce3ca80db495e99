// Raw DEFLATE (RFC 1951) and its gzip wrapper (RFC 1952), so that a permalink's program blob made
// by the browser's CompressionStream ('deflate-raw' or 'gzip') opens natively and in WebAssembly,
// where Emscripten 3.1.6 offers no zlib port.
//
// The inflater reads all three block kinds (stored, fixed and dynamic Huffman), checks every
// length, distance and code against the RFC, never reads past its input, and stops at
// `max_output` bytes: a corrupt or hostile blob gives an error, in time linear in its sizes.
// The compressor is small: LZ77 over a 32 KiB window with hash chains, one fixed-Huffman block.
#pragma once
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace config {

enum class InflateError : uint8_t {
    None,
    Truncated,         // the stream ends before its final block does
    BadBlockType,      // block type 3
    BadStoredLength,   // LEN and NLEN are not complements
    BadCodeLengths,    // a dynamic block's code lengths do not form a valid code
    BadSymbol,         // a bit pattern that no code, or an invalid length/distance symbol
    DistanceTooFar,    // a match reaches before the start of the output
    TooLarge,          // the output would exceed max_output
    TrailingData,      // bytes after the end of the stream
    BadGzipHeader,     // not a gzip member this reader understands
    BadGzipChecksum,   // CRC-32 or size in the gzip trailer does not match
};
const char* inflate_error_text(InflateError error);

struct InflateResult {
    std::string output;
    InflateError error = InflateError::None;
};

InflateResult inflate_raw(std::span<const uint8_t> input, size_t max_output);
InflateResult inflate_gzip(std::span<const uint8_t> input, size_t max_output);
bool is_gzip(std::span<const uint8_t> input);

std::vector<uint8_t> deflate_raw(std::string_view input);

uint32_t crc32(std::span<const uint8_t> bytes);

} // namespace config

// Sections: tables of RFC 1951 · bit reader · Huffman decoding · inflate · gzip · deflate · CRC-32
#include "config/deflate.h"
#include <array>

namespace config {

// --- Tables of RFC 1951 (3.2.5) ------------------------------------------------------------------

namespace {

constexpr uint16_t kLengthBase[29] = {3,  4,  5,  6,  7,  8,  9,  10, 11,  13,  15,  17,  19,  23, 27,
                                      31, 35, 43, 51, 59, 67, 83, 99, 115, 131, 163, 195, 227, 258};
constexpr uint8_t kLengthExtra[29] = {0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 2, 2, 2,
                                      2, 3, 3, 3, 3, 4, 4, 4, 4, 5, 5, 5, 5, 0};
constexpr uint16_t kDistanceBase[30] = {1,   2,   3,   4,   5,   7,    9,    13,   17,   25,   33,   49,   65,    97,    129,
                                        193, 257, 385, 513, 769, 1025, 1537, 2049, 3073, 4097, 6145, 8193, 12289, 16385, 24577};
constexpr uint8_t kDistanceExtra[30] = {0, 0, 0, 0, 1, 1, 2, 2,  3,  3,  4,  4,  5,  5,  6,
                                        6, 7, 7, 8, 8, 9, 9, 10, 10, 11, 11, 12, 12, 13, 13};
// The order in which a dynamic block lists the lengths of its code-length code.
constexpr uint8_t kCodeLengthOrder[19] = {16, 17, 18, 0, 8, 7, 9, 6, 10, 5, 11, 4, 12, 3, 13, 2, 14, 1, 15};

constexpr int kMaxBits = 15;
constexpr int kEndOfBlock = 256;
constexpr size_t kWindow = 32768;
constexpr int kMinMatch = 3;
constexpr int kMaxMatch = 258;

// --- Bit reader: least significant bit first; reading past the end sets `overrun` ----------------

struct BitReader {
    std::span<const uint8_t> bytes;
    size_t position = 0;  // next byte
    uint32_t bit_buffer = 0;
    int bit_count = 0;
    bool overrun = false;

    uint32_t bits(int count)  // count <= 16
    {
        while (bit_count < count) {
            if (position == bytes.size()) {
                overrun = true;
                return 0;
            }
            bit_buffer |= uint32_t(bytes[position++]) << bit_count;
            bit_count += 8;
        }
        uint32_t value = bit_buffer & ((1u << count) - 1);
        bit_buffer >>= count;
        bit_count -= count;
        return value;
    }
    void align_to_byte()
    {
        bit_buffer = 0;
        bit_count = 0;
    }
};

// --- Huffman decoding: a canonical code as counts per length and symbols in code order ----------

struct HuffmanCode {
    std::array<uint16_t, kMaxBits + 1> count_of_length{};
    std::array<uint16_t, 288> symbols{};
};

// False when the lengths over-subscribe the code space. An incomplete code is accepted: its unused
// bit patterns are caught when read (a blob using one is corrupt either way).
bool build_code(HuffmanCode& code, const uint8_t* lengths, int symbol_count)
{
    code.count_of_length.fill(0);
    for (int s = 0; s < symbol_count; s++)
        code.count_of_length[lengths[s]]++;
    code.count_of_length[0] = 0;
    int available = 1;
    for (int length = 1; length <= kMaxBits; length++) {
        available = available * 2 - code.count_of_length[length];
        if (available < 0)
            return false;
    }
    std::array<uint16_t, kMaxBits + 2> first_index{};
    for (int length = 1; length <= kMaxBits; length++)
        first_index[length + 1] = first_index[length] + code.count_of_length[length];
    for (int s = 0; s < symbol_count; s++)
        if (lengths[s] != 0)
            code.symbols[first_index[lengths[s]]++] = uint16_t(s);
    return true;
}

// The next symbol, or -1 for a pattern outside the code (or the end of input).
int decode_symbol(BitReader& in, const HuffmanCode& code)
{
    int value = 0;   // the bits read so far, first bit most significant
    int first = 0;   // the first code of the current length
    int index = 0;   // symbols of the shorter lengths
    for (int length = 1; length <= kMaxBits; length++) {
        value |= int(in.bits(1));
        if (in.overrun)
            return -1;
        int count = code.count_of_length[length];
        if (value - first < count)
            return code.symbols[index + value - first];
        index += count;
        first = (first + count) << 1;
        value <<= 1;
    }
    return -1;
}

// --- Inflate -------------------------------------------------------------------------------------

struct Inflater {
    BitReader in;
    size_t max_output;
    std::string out;

    InflateError stored_block()
    {
        in.align_to_byte();
        uint32_t length = in.bits(16);
        uint32_t complement = in.bits(16);
        if (in.overrun)
            return InflateError::Truncated;
        if ((length ^ 0xffff) != complement)
            return InflateError::BadStoredLength;
        if (in.bytes.size() - in.position < length)
            return InflateError::Truncated;
        if (out.size() + length > max_output)
            return InflateError::TooLarge;
        out.append(reinterpret_cast<const char*>(in.bytes.data() + in.position), length);
        in.position += length;
        return InflateError::None;
    }

    InflateError huffman_block(const HuffmanCode& literals, const HuffmanCode& distances)
    {
        for (;;) {
            int symbol = decode_symbol(in, literals);
            if (symbol < 0)
                return in.overrun ? InflateError::Truncated : InflateError::BadSymbol;
            if (symbol < 256) {
                if (out.size() == max_output)
                    return InflateError::TooLarge;
                out.push_back(char(symbol));
                continue;
            }
            if (symbol == kEndOfBlock)
                return InflateError::None;
            symbol -= 257;
            if (symbol >= 29)
                return InflateError::BadSymbol;
            size_t length = kLengthBase[symbol] + in.bits(kLengthExtra[symbol]);
            int distance_symbol = decode_symbol(in, distances);
            if (distance_symbol < 0 || in.overrun)
                return in.overrun ? InflateError::Truncated : InflateError::BadSymbol;
            if (distance_symbol >= 30)
                return InflateError::BadSymbol;
            size_t distance = kDistanceBase[distance_symbol] + in.bits(kDistanceExtra[distance_symbol]);
            if (in.overrun)
                return InflateError::Truncated;
            if (distance > out.size())
                return InflateError::DistanceTooFar;
            if (out.size() + length > max_output)
                return InflateError::TooLarge;
            // Byte by byte: a match may overlap the bytes it produces (distance < length).
            size_t from = out.size() - distance;
            for (size_t i = 0; i < length; i++)
                out.push_back(out[from + i]);
        }
    }

    InflateError fixed_block()
    {
        std::array<uint8_t, 288> lengths{};
        for (int s = 0; s < 288; s++)
            lengths[s] = s < 144 ? 8 : s < 256 ? 9 : s < 280 ? 7 : 8;
        HuffmanCode literals, distances;
        build_code(literals, lengths.data(), 288);
        std::array<uint8_t, 30> distance_lengths;
        distance_lengths.fill(5);
        build_code(distances, distance_lengths.data(), 30);
        return huffman_block(literals, distances);
    }

    InflateError dynamic_block()
    {
        int literal_count = int(in.bits(5)) + 257;
        int distance_count = int(in.bits(5)) + 1;
        int code_length_count = int(in.bits(4)) + 4;
        if (in.overrun)
            return InflateError::Truncated;
        if (literal_count > 286 || distance_count > 30)
            return InflateError::BadCodeLengths;
        std::array<uint8_t, 19> code_length_lengths{};
        for (int i = 0; i < code_length_count; i++)
            code_length_lengths[kCodeLengthOrder[i]] = uint8_t(in.bits(3));
        if (in.overrun)
            return InflateError::Truncated;
        HuffmanCode code_length_code;
        if (!build_code(code_length_code, code_length_lengths.data(), 19))
            return InflateError::BadCodeLengths;

        std::array<uint8_t, 286 + 30> lengths{};
        int total = literal_count + distance_count;
        for (int i = 0; i < total;) {
            int symbol = decode_symbol(in, code_length_code);
            if (symbol < 0)
                return in.overrun ? InflateError::Truncated : InflateError::BadCodeLengths;
            if (symbol < 16) {
                lengths[i++] = uint8_t(symbol);
                continue;
            }
            uint8_t repeated = 0;
            int times = 0;
            if (symbol == 16) {
                if (i == 0)
                    return InflateError::BadCodeLengths;
                repeated = lengths[i - 1];
                times = 3 + int(in.bits(2));
            } else if (symbol == 17) {
                times = 3 + int(in.bits(3));
            } else {
                times = 11 + int(in.bits(7));
            }
            if (in.overrun)
                return InflateError::Truncated;
            if (i + times > total)
                return InflateError::BadCodeLengths;
            for (int k = 0; k < times; k++)
                lengths[i++] = repeated;
        }
        if (lengths[kEndOfBlock] == 0)
            return InflateError::BadCodeLengths;  // a block that could never end
        HuffmanCode literals, distances;
        if (!build_code(literals, lengths.data(), literal_count) ||
            !build_code(distances, lengths.data() + literal_count, distance_count))
            return InflateError::BadCodeLengths;
        return huffman_block(literals, distances);
    }

    InflateError run()
    {
        for (;;) {
            uint32_t final_block = in.bits(1);
            uint32_t type = in.bits(2);
            if (in.overrun)
                return InflateError::Truncated;
            InflateError error = type == 0   ? stored_block()
                                 : type == 1 ? fixed_block()
                                 : type == 2 ? dynamic_block()
                                             : InflateError::BadBlockType;
            if (error != InflateError::None)
                return error;
            if (final_block)
                return InflateError::None;
        }
    }
};

InflateResult inflate_stream(std::span<const uint8_t> input, size_t max_output, size_t& end)
{
    Inflater inflater{BitReader{input}, max_output, {}};
    InflateResult result;
    result.error = inflater.run();
    result.output = std::move(inflater.out);
    end = inflater.in.position;
    return result;
}

} // namespace

const char* inflate_error_text(InflateError error)
{
    switch (error) {
    case InflateError::None: return "no error";
    case InflateError::Truncated: return "the compressed data is cut short";
    case InflateError::BadBlockType: return "the compressed data has an invalid block type";
    case InflateError::BadStoredLength: return "the compressed data has a corrupt stored block";
    case InflateError::BadCodeLengths: return "the compressed data has an invalid Huffman code";
    case InflateError::BadSymbol: return "the compressed data has an invalid code";
    case InflateError::DistanceTooFar: return "the compressed data refers back before its start";
    case InflateError::TooLarge: return "the program is too large";
    case InflateError::TrailingData: return "there are extra bytes after the compressed data";
    case InflateError::BadGzipHeader: return "the gzip header is invalid";
    case InflateError::BadGzipChecksum: return "the gzip checksum does not match";
    }
    return "unknown error";
}

InflateResult inflate_raw(std::span<const uint8_t> input, size_t max_output)
{
    size_t end = 0;
    InflateResult result = inflate_stream(input, max_output, end);
    if (result.error == InflateError::None && end != input.size())
        result.error = InflateError::TrailingData;
    return result;
}

// --- gzip (RFC 1952): one member, header fields skipped, trailer checked -------------------------

bool is_gzip(std::span<const uint8_t> input)
{
    return input.size() >= 2 && input[0] == 0x1f && input[1] == 0x8b;
}

InflateResult inflate_gzip(std::span<const uint8_t> input, size_t max_output)
{
    enum Flag : uint8_t { Text = 1, HeaderCrc = 2, Extra = 4, Name = 8, Comment = 16 };
    InflateResult bad;
    bad.error = InflateError::BadGzipHeader;
    if (input.size() < 10 || !is_gzip(input) || input[2] != 8 || (input[3] & 0xe0))
        return bad;
    uint8_t flags = input[3];
    size_t at = 10;
    if (flags & Extra) {
        if (input.size() - at < 2)
            return bad;
        size_t extra = input[at] | size_t(input[at + 1]) << 8;
        at += 2;
        if (input.size() - at < extra)
            return bad;
        at += extra;
    }
    for (uint8_t zero_terminated : {uint8_t(Name), uint8_t(Comment)}) {
        if (!(flags & zero_terminated))
            continue;
        while (at < input.size() && input[at] != 0)
            at++;
        if (at == input.size())
            return bad;
        at++;
    }
    if (flags & HeaderCrc) {
        if (input.size() - at < 2)
            return bad;
        at += 2;
    }
    size_t end = 0;
    InflateResult result = inflate_stream(input.subspan(at), max_output, end);
    if (result.error != InflateError::None)
        return result;
    std::span<const uint8_t> trailer = input.subspan(at + end);
    if (trailer.size() < 8) {
        result.error = InflateError::Truncated;
        return result;
    }
    if (trailer.size() > 8) {
        result.error = InflateError::TrailingData;
        return result;
    }
    auto word = [&](size_t i) {
        return uint32_t(trailer[i]) | uint32_t(trailer[i + 1]) << 8 | uint32_t(trailer[i + 2]) << 16 |
               uint32_t(trailer[i + 3]) << 24;
    };
    auto bytes = std::span(reinterpret_cast<const uint8_t*>(result.output.data()), result.output.size());
    if (word(0) != crc32(bytes) || word(4) != uint32_t(result.output.size()))
        result.error = InflateError::BadGzipChecksum;
    return result;
}

// --- Deflate: LZ77 with hash chains, then one fixed-Huffman block --------------------------------

namespace {

struct BitWriter {
    std::vector<uint8_t> bytes;
    uint32_t bit_buffer = 0;
    int bit_count = 0;

    void put(uint32_t value, int count)  // least significant bit first
    {
        bit_buffer |= value << bit_count;
        bit_count += count;
        while (bit_count >= 8) {
            bytes.push_back(uint8_t(bit_buffer));
            bit_buffer >>= 8;
            bit_count -= 8;
        }
    }
    // Huffman codes are defined most significant bit first.
    void put_code(uint32_t code, int length)
    {
        uint32_t reversed = 0;
        for (int i = 0; i < length; i++)
            reversed |= ((code >> i) & 1) << (length - 1 - i);
        put(reversed, length);
    }
    void flush()
    {
        if (bit_count > 0)
            bytes.push_back(uint8_t(bit_buffer));
        bit_buffer = 0;
        bit_count = 0;
    }
};

void put_fixed_literal(BitWriter& out, int symbol)
{
    if (symbol < 144)
        out.put_code(0x30 + symbol, 8);
    else if (symbol < 256)
        out.put_code(0x190 + symbol - 144, 9);
    else if (symbol < 280)
        out.put_code(symbol - 256, 7);
    else
        out.put_code(0xc0 + symbol - 280, 8);
}

void put_match(BitWriter& out, int length, int distance)
{
    int l = 28;
    while (kLengthBase[l] > length)
        l--;
    put_fixed_literal(out, 257 + l);
    out.put(uint32_t(length - kLengthBase[l]), kLengthExtra[l]);
    int d = 29;
    while (kDistanceBase[d] > distance)
        d--;
    out.put_code(uint32_t(d), 5);
    out.put(uint32_t(distance - kDistanceBase[d]), kDistanceExtra[d]);
}

constexpr int kHashBits = 15;
constexpr int kMaxChain = 128;  // candidates tried per position: enough for program text

uint32_t hash3(const uint8_t* p)
{
    return ((uint32_t(p[0]) << 16 | uint32_t(p[1]) << 8 | p[2]) * 2654435761u) >> (32 - kHashBits);
}

} // namespace

std::vector<uint8_t> deflate_raw(std::string_view input)
{
    const auto* data = reinterpret_cast<const uint8_t*>(input.data());
    const size_t size = input.size();
    constexpr int32_t kNone = -1;
    std::vector<int32_t> head(size_t(1) << kHashBits, kNone);
    std::vector<int32_t> previous(size, kNone);  // the earlier position with the same hash
    auto insert = [&](size_t at) {
        if (at + kMinMatch > size)
            return;
        uint32_t h = hash3(data + at);
        previous[at] = head[h];
        head[h] = int32_t(at);
    };

    BitWriter out;
    out.put(1, 1);  // final block
    out.put(1, 2);  // fixed Huffman
    size_t at = 0;
    while (at < size) {
        int best_length = 0;
        size_t best_distance = 0;
        if (at + kMinMatch <= size) {
            int32_t candidate = head[hash3(data + at)];
            size_t limit = std::min<size_t>(kMaxMatch, size - at);
            for (int chain = 0; candidate != kNone && chain < kMaxChain; chain++) {
                size_t distance = at - size_t(candidate);
                if (distance > kWindow)
                    break;
                size_t length = 0;
                while (length < limit && data[size_t(candidate) + length] == data[at + length])
                    length++;
                if (int(length) > best_length) {
                    best_length = int(length);
                    best_distance = distance;
                    if (length == limit)
                        break;
                }
                candidate = previous[size_t(candidate)];
            }
        }
        if (best_length >= kMinMatch) {
            put_match(out, best_length, int(best_distance));
            for (int i = 0; i < best_length; i++)
                insert(at + i);
            at += size_t(best_length);
        } else {
            put_fixed_literal(out, data[at]);
            insert(at);
            at++;
        }
    }
    put_fixed_literal(out, kEndOfBlock);
    out.flush();
    return out.bytes;
}

// --- CRC-32 (the gzip trailer's), bit by bit: programs are small --------------------------------

uint32_t crc32(std::span<const uint8_t> bytes)
{
    uint32_t crc = 0xffffffffu;
    for (uint8_t byte : bytes) {
        crc ^= byte;
        for (int bit = 0; bit < 8; bit++)
            crc = (crc >> 1) ^ (0xedb88320u & (0u - (crc & 1)));
    }
    return ~crc;
}

} // namespace config

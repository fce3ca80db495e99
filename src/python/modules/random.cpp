// The random module, with CPython's own generator: the Mersenne Twister MT19937 seeded as
// CPython 3.11 seeds it, and CPython's algorithms on top (random.py), so that `random.seed(7)`
// gives the very numbers CPython gives. A generator's state is a list of 625 ints in its
// `_state` attribute (the 624 words, then the index), the tuple CPython's getstate() returns.
// An unseeded generator is seeded from the host, which on the machine draws from the run's
// seeded PRNG: the run stays reproducible.
//
// gauss, normalvariate and expovariate use the C library's log, sin and cos as CPython does.
//
// Sections: SHA-512 (for str seeds) | the Mersenne Twister | seeding | natives; its Python half
// is random.py beside this file.
#include "python/native.h"

#include <algorithm>
#include <array>
#include <bit>
#include <cmath>
#include <string_view>
#include <vector>

namespace python {

namespace {

// ---- SHA-512 (FIPS 180-4): CPython's version 2 seeding appends a str's digest ----------------

constexpr uint64_t kSha512Initial[8] = {
    0x6a09e667f3bcc908ull, 0xbb67ae8584caa73bull, 0x3c6ef372fe94f82bull, 0xa54ff53a5f1d36f1ull,
    0x510e527fade682d1ull, 0x9b05688c2b3e6c1full, 0x1f83d9abfb41bd6bull, 0x5be0cd19137e2179ull,
};

// The first 64 bits of the fractional parts of the cube roots of the first 80 primes.
constexpr uint64_t kSha512Rounds[80] = {
    0x428a2f98d728ae22ull, 0x7137449123ef65cdull, 0xb5c0fbcfec4d3b2full, 0xe9b5dba58189dbbcull,
    0x3956c25bf348b538ull, 0x59f111f1b605d019ull, 0x923f82a4af194f9bull, 0xab1c5ed5da6d8118ull,
    0xd807aa98a3030242ull, 0x12835b0145706fbeull, 0x243185be4ee4b28cull, 0x550c7dc3d5ffb4e2ull,
    0x72be5d74f27b896full, 0x80deb1fe3b1696b1ull, 0x9bdc06a725c71235ull, 0xc19bf174cf692694ull,
    0xe49b69c19ef14ad2ull, 0xefbe4786384f25e3ull, 0x0fc19dc68b8cd5b5ull, 0x240ca1cc77ac9c65ull,
    0x2de92c6f592b0275ull, 0x4a7484aa6ea6e483ull, 0x5cb0a9dcbd41fbd4ull, 0x76f988da831153b5ull,
    0x983e5152ee66dfabull, 0xa831c66d2db43210ull, 0xb00327c898fb213full, 0xbf597fc7beef0ee4ull,
    0xc6e00bf33da88fc2ull, 0xd5a79147930aa725ull, 0x06ca6351e003826full, 0x142929670a0e6e70ull,
    0x27b70a8546d22ffcull, 0x2e1b21385c26c926ull, 0x4d2c6dfc5ac42aedull, 0x53380d139d95b3dfull,
    0x650a73548baf63deull, 0x766a0abb3c77b2a8ull, 0x81c2c92e47edaee6ull, 0x92722c851482353bull,
    0xa2bfe8a14cf10364ull, 0xa81a664bbc423001ull, 0xc24b8b70d0f89791ull, 0xc76c51a30654be30ull,
    0xd192e819d6ef5218ull, 0xd69906245565a910ull, 0xf40e35855771202aull, 0x106aa07032bbd1b8ull,
    0x19a4c116b8d2d0c8ull, 0x1e376c085141ab53ull, 0x2748774cdf8eeb99ull, 0x34b0bcb5e19b48a8ull,
    0x391c0cb3c5c95a63ull, 0x4ed8aa4ae3418acbull, 0x5b9cca4f7763e373ull, 0x682e6ff3d6b2b8a3ull,
    0x748f82ee5defb2fcull, 0x78a5636f43172f60ull, 0x84c87814a1f0ab72ull, 0x8cc702081a6439ecull,
    0x90befffa23631e28ull, 0xa4506cebde82bde9ull, 0xbef9a3f7b2c67915ull, 0xc67178f2e372532bull,
    0xca273eceea26619cull, 0xd186b8c721c0c207ull, 0xeada7dd6cde0eb1eull, 0xf57d4f7fee6ed178ull,
    0x06f067aa72176fbaull, 0x0a637dc5a2c898a6ull, 0x113f9804bef90daeull, 0x1b710b35131c471bull,
    0x28db77f523047d84ull, 0x32caab7b40c72493ull, 0x3c9ebe0a15c9bebcull, 0x431d67c49c100d4cull,
    0x4cc5d4becb3e42b6ull, 0x597f299cfc657e2aull, 0x5fcb6fab3ad6faecull, 0x6c44198c4a475817ull,
};

uint64_t rotr(uint64_t x, int n) { return (x >> n) | (x << (64 - n)); }

void sha512_block(uint64_t h[8], const unsigned char* block)
{
    uint64_t w[80];
    for (int i = 0; i < 16; ++i) {
        w[i] = 0;
        for (int b = 0; b < 8; ++b)
            w[i] = (w[i] << 8) | block[i * 8 + b];
    }
    for (int i = 16; i < 80; ++i) {
        const uint64_t s0 = rotr(w[i - 15], 1) ^ rotr(w[i - 15], 8) ^ (w[i - 15] >> 7);
        const uint64_t s1 = rotr(w[i - 2], 19) ^ rotr(w[i - 2], 61) ^ (w[i - 2] >> 6);
        w[i] = w[i - 16] + s0 + w[i - 7] + s1;
    }
    uint64_t a = h[0], b = h[1], c = h[2], d = h[3], e = h[4], f = h[5], g = h[6], hh = h[7];
    for (int i = 0; i < 80; ++i) {
        const uint64_t t1 = hh + (rotr(e, 14) ^ rotr(e, 18) ^ rotr(e, 41)) + ((e & f) ^ (~e & g)) + kSha512Rounds[i] + w[i];
        const uint64_t t2 = (rotr(a, 28) ^ rotr(a, 34) ^ rotr(a, 39)) + ((a & b) ^ (a & c) ^ (b & c));
        hh = g;
        g = f;
        f = e;
        e = d + t1;
        d = c;
        c = b;
        b = a;
        a = t1 + t2;
    }
    h[0] += a; h[1] += b; h[2] += c; h[3] += d; h[4] += e; h[5] += f; h[6] += g; h[7] += hh;
}

std::array<unsigned char, 64> sha512(std::string_view message)
{
    uint64_t h[8];
    std::copy(std::begin(kSha512Initial), std::end(kSha512Initial), h);
    // The message, a 1 bit, zeros up to 112 mod 128 bytes, then the length in bits (128-bit).
    std::vector<unsigned char> padded(message.begin(), message.end());
    padded.push_back(0x80);
    while (padded.size() % 128 != 112)
        padded.push_back(0);
    const uint64_t bits = static_cast<uint64_t>(message.size()) * 8;
    for (int i = 0; i < 8; ++i)
        padded.push_back(0);
    for (int i = 7; i >= 0; --i)
        padded.push_back(static_cast<unsigned char>(bits >> (i * 8)));
    for (size_t at = 0; at < padded.size(); at += 128)
        sha512_block(h, padded.data() + at);
    std::array<unsigned char, 64> digest{};
    for (int i = 0; i < 64; ++i)
        digest[i] = static_cast<unsigned char>(h[i / 8] >> (56 - 8 * (i % 8)));
    return digest;
}

// ---- The Mersenne Twister (MT19937), as CPython's _randommodule.c runs it ---------------------

constexpr int kWords = 624;
constexpr int kShift = 397;
constexpr size_t kStateSize = kWords + 1;  // the words, then the index of the next one

struct Twister {
    uint32_t words[kWords];
    int index = kWords + 1;
};

void init_genrand(Twister& mt, uint32_t seed)
{
    mt.words[0] = seed;
    for (int i = 1; i < kWords; ++i)
        mt.words[i] = 1812433253u * (mt.words[i - 1] ^ (mt.words[i - 1] >> 30)) + static_cast<uint32_t>(i);
    mt.index = kWords;
}

void init_by_array(Twister& mt, const std::vector<uint32_t>& key)
{
    init_genrand(mt, 19650218u);
    int i = 1;
    size_t j = 0;
    const size_t length = key.size();
    for (size_t k = std::max<size_t>(kWords, length); k; --k) {
        mt.words[i] = (mt.words[i] ^ ((mt.words[i - 1] ^ (mt.words[i - 1] >> 30)) * 1664525u)) + key[j] + static_cast<uint32_t>(j);
        ++i;
        ++j;
        if (i >= kWords) {
            mt.words[0] = mt.words[kWords - 1];
            i = 1;
        }
        if (j >= length)
            j = 0;
    }
    for (int k = kWords - 1; k; --k) {
        mt.words[i] = (mt.words[i] ^ ((mt.words[i - 1] ^ (mt.words[i - 1] >> 30)) * 1566083941u)) - static_cast<uint32_t>(i);
        ++i;
        if (i >= kWords) {
            mt.words[0] = mt.words[kWords - 1];
            i = 1;
        }
    }
    mt.words[0] = 0x80000000u;  // the most significant bit set: the state is never all zeros
}

// The generator's state, read from and written back to its `_state` list in place, so that a
// draw costs no allocation.
struct StateView {
    std::vector<Value>* items = nullptr;

    uint32_t word(int i) const { return static_cast<uint32_t>((*items)[i].integer); }
    void set_word(int i, uint32_t w) { (*items)[i] = Value::from_int(w); }

    uint32_t next_word()
    {
        int index = static_cast<int>((*items)[kWords].integer);
        if (index >= kWords || index < 0) {
            twist();
            index = 0;
        }
        uint32_t y = word(index);
        (*items)[kWords] = Value::from_int(index + 1);
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680u;
        y ^= (y << 15) & 0xefc60000u;
        return y ^ (y >> 18);
    }

    void twist()
    {
        for (int k = 0; k < kWords; ++k) {
            const uint32_t y = (word(k) & 0x80000000u) | (word((k + 1) % kWords) & 0x7fffffffu);
            set_word(k, word((k + kShift) % kWords) ^ (y >> 1) ^ ((y & 1u) ? 0x9908b0dfu : 0u));
        }
    }

    // 53 random bits in [0, 1), as CPython's random_random.
    double next_unit()
    {
        const uint32_t a = next_word() >> 5, b = next_word() >> 6;
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
    }

    // k random bits, 0 <= k <= 63: the low word first, as CPython fills a long's digits.
    uint64_t bits(int k)
    {
        if (k <= 32)
            return k == 0 ? 0 : next_word() >> (32 - k);
        const uint64_t low = next_word();
        const uint64_t high = next_word() >> (64 - k);
        return low | (high << 32);
    }

    // Uniform in [0, n), n > 0: _randbelow_with_getrandbits (draws of n's bit length, retried).
    uint64_t below(uint64_t n)
    {
        const int k = static_cast<int>(std::bit_width(n));
        uint64_t r = bits(k);
        while (r >= n)
            r = bits(k);
        return r;
    }
};

// The state list of generator `gen`, or a TypeError.
bool state_of(Interpreter& vm, Value gen, StateView& out)
{
    auto* instance = as<InstanceObject>(gen);
    Value* state = instance ? instance->attrs.find("_state") : nullptr;
    auto* list = state ? as<ListObject>(*state) : nullptr;
    if (!list || list->items.size() != kStateSize) {
        vm.fail(vm.types.type_error, "the generator has no state: Random.__init__() not called");
        return false;
    }
    out.items = &list->items;
    return true;
}

// ---- Seeding -----------------------------------------------------------------------------------

// The 32-bit chunks of a non-negative integer given as big-endian bytes, least significant
// first, without the leading zero chunks (CPython's random_seed on int.from_bytes(...)).
std::vector<uint32_t> key_from_big_endian(const std::vector<unsigned char>& bytes)
{
    std::vector<uint32_t> key;
    for (size_t end = bytes.size(); end > 0;) {
        const size_t start = end >= 4 ? end - 4 : 0;
        uint32_t chunk = 0;
        for (size_t i = start; i < end; ++i)
            chunk = (chunk << 8) | bytes[i];
        key.push_back(chunk);
        end = start;
    }
    while (key.size() > 1 && key.back() == 0)
        key.pop_back();
    if (key.empty())
        key.push_back(0);
    return key;
}

std::vector<uint32_t> key_from_u64(uint64_t n)
{
    std::vector<uint32_t> key{static_cast<uint32_t>(n)};
    if (n >> 32)
        key.push_back(static_cast<uint32_t>(n >> 32));
    return key;
}

// CPython's hash of a float (_Py_HashDouble, modulo 2**61 - 1): what a float seed seeds with.
int64_t cpython_float_hash(double v)
{
    constexpr int kBits = 61;
    constexpr uint64_t kModulus = (uint64_t{1} << kBits) - 1;
    if (std::isinf(v))
        return v > 0 ? 314159 : -314159;
    if (std::isnan(v))
        return 0;
    int e = 0;
    double m = std::frexp(v, &e);
    int sign = 1;
    if (m < 0) {
        sign = -1;
        m = -m;
    }
    uint64_t x = 0;
    while (m != 0) {
        x = ((x << 28) & kModulus) | x >> (kBits - 28);
        m *= 268435456.0;
        e -= 28;
        const auto y = static_cast<uint64_t>(m);
        m -= static_cast<double>(y);
        x += y;
        if (x >= kModulus)
            x -= kModulus;
    }
    e = e >= 0 ? e % kBits : kBits - 1 - ((-1 - e) % kBits);
    x = ((x << e) & kModulus) | x >> (kBits - e);
    auto hash = static_cast<int64_t>(x) * sign;
    return hash == -1 ? -2 : hash;
}

// Version 1 seeding of a str (random.py keeps it for old programs): a 64-bit string hash.
uint64_t version1_str_seed(const StrObject& text)
{
    std::vector<uint32_t> points;
    for (size_t i = 0; i < text.text.size();) {
        const auto lead = static_cast<unsigned char>(text.text[i]);
        const int extra = lead < 0x80 ? 0 : lead < 0xe0 ? 1 : lead < 0xf0 ? 2 : 3;
        uint32_t point = extra == 0 ? lead : lead & (0x3f >> extra);
        for (int k = 1; k <= extra && i + k < text.text.size(); ++k)
            point = (point << 6) | (static_cast<unsigned char>(text.text[i + k]) & 0x3f);
        points.push_back(point);
        i += 1 + extra;
    }
    uint64_t x = points.empty() ? 0 : static_cast<uint64_t>(points[0]) << 7;
    for (uint32_t c : points)
        x = (1000003 * x) ^ c;
    x ^= points.size();
    return x == UINT64_MAX ? UINT64_MAX - 1 : x;
}

// ---- Natives -----------------------------------------------------------------------------------

// _seed(gen, a, version): gen's state for seed `a`, as CPython's Random.seed builds it.
NativeResult random_seed(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "seed", args, 3, 3))
        return NativeResult::raised();
    auto* instance = as<InstanceObject>(args[0]);
    if (!instance)
        return vm.raise(vm.types.type_error, "seed() needs a Random instance");
    const Value a = args[1];
    const int64_t version = args[2].is_integral() ? args[2].as_integral() : 2;
    std::vector<uint32_t> key;
    if (a.is_none()) {
        // CPython reads the OS's entropy; the machine's seeded PRNG stands in for it.
        const uint64_t low = vm.host.random_u64(), high = vm.host.random_u64();
        key = {static_cast<uint32_t>(low), static_cast<uint32_t>(low >> 32),
               static_cast<uint32_t>(high), static_cast<uint32_t>(high >> 32)};
    } else if (a.is_integral()) {
        const int64_t n = a.as_integral();
        key = key_from_u64(n < 0 ? 0 - static_cast<uint64_t>(n) : static_cast<uint64_t>(n));
    } else if (a.is_float()) {
        key = key_from_u64(static_cast<uint64_t>(cpython_float_hash(a.real)));
    } else if (auto* text = as<StrObject>(a)) {
        if (version == 1) {
            key = key_from_u64(version1_str_seed(*text));
        } else {
            std::vector<unsigned char> bytes(text->text.begin(), text->text.end());
            const auto digest = sha512(text->text);
            bytes.insert(bytes.end(), digest.begin(), digest.end());
            key = key_from_big_endian(bytes);
        }
    } else {
        return vm.raise(vm.types.type_error,
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    Twister mt;
    init_by_array(mt, key);
    std::vector<Value> items(kStateSize);
    for (int i = 0; i < kWords; ++i)
        items[i] = Value::from_int(mt.words[i]);
    items[kWords] = Value::from_int(mt.index);
    vm.set_attr(instance->attrs, "_state", vm.new_list(std::move(items)));
    return NativeResult::of(Value::none());
}

// _random(gen) -> float in [0, 1)
NativeResult random_unit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    StateView state;
    if (!check_arity(vm, "random", args, 1, 1) || !state_of(vm, args[0], state))
        return NativeResult::raised();
    return NativeResult::of(Value::from_float(state.next_unit()));
}

// _getrandbits(gen, k) -> int with k random bits
NativeResult random_getrandbits(Interpreter& vm, Thread&, Value, CallArgs args)
{
    StateView state;
    int64_t k = 0;
    if (!check_arity(vm, "getrandbits", args, 2, 2) || !int_argument(vm, args[1], k) || !state_of(vm, args[0], state))
        return NativeResult::raised();
    if (k < 0)
        return vm.raise(vm.types.value_error, "number of bits must be non-negative");
    if (k > 63)
        return vm.raise(vm.types.overflow_error, "getrandbits() of more than 63 bits: Threadlab's ints are 64-bit");
    return NativeResult::of(Value::from_int(static_cast<int64_t>(state.bits(static_cast<int>(k)))));
}

// _below(gen, n) -> int in [0, n), n > 0
NativeResult random_below(Interpreter& vm, Thread&, Value, CallArgs args)
{
    StateView state;
    int64_t n = 0;
    if (!check_arity(vm, "_randbelow", args, 2, 2) || !int_argument(vm, args[1], n) || !state_of(vm, args[0], state))
        return NativeResult::raised();
    if (n <= 0)
        return vm.raise(vm.types.value_error, "empty range for randrange()");
    return NativeResult::of(Value::from_int(static_cast<int64_t>(state.below(static_cast<uint64_t>(n)))));
}

double c_log(double x) { return std::log(x); }
double c_sqrt(double x) { return std::sqrt(x); }
double c_cos(double x) { return std::cos(x); }
double c_sin(double x) { return std::sin(x); }
double c_exp(double x) { return std::exp(x); }
bool positive(double x) { return x > 0; }
bool non_negative(double x) { return x >= 0; }
bool any_value(double) { return true; }

// _log, _sqrt, _cos, _sin, _exp: the C library's, as random.py imports them from math.
template <double (*F)(double), bool (*InDomain)(double)>
NativeResult random_math(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "math function", args, 1, 1))
        return NativeResult::raised();
    if (!args[0].is_number())
        return vm.raise(vm.types.type_error, "must be real number, not " + vm.type_name(args[0]));
    if (!InDomain(args[0].as_double()))
        return vm.raise(vm.types.value_error, "math domain error");
    return NativeResult::of(Value::from_float(F(args[0].as_double())));
}

} // namespace

void install_random(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_seed", random_seed);
    vm.add_native(module, "_random", random_unit);
    vm.add_native(module, "_getrandbits", random_getrandbits);
    vm.add_native(module, "_below", random_below);
    vm.add_native(module, "_log", random_math<c_log, positive>);
    vm.add_native(module, "_sqrt", random_math<c_sqrt, non_negative>);
    vm.add_native(module, "_cos", random_math<c_cos, any_value>);
    vm.add_native(module, "_sin", random_math<c_sin, any_value>);
    vm.add_native(module, "_exp", random_math<c_exp, any_value>);
}

} // namespace python

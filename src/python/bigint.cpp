// Integers of any size: the small-int fast path, and Boost's cpp_int past 64 bits.
// Sections:
//   1. Conversions between small ints, big ints and doubles
//   2. Arithmetic and bit operations
//   3. Comparison and hashing (CPython's numeric hash)
//   4. Text: decimal and other bases, int(str, base)
#include "python/bigint.h"
#include "python/interpreter.h"
#include "lang/repr.h"
#include "lang/utf8.h"
#include <cmath>
#include <cstring>
#include <vector>

namespace python {

using lang::BinaryOp;

// ---------------------------------------------------------------------------------------------
// 1. Conversions
// ---------------------------------------------------------------------------------------------

BigInt to_big(Value v)
{
    if (auto* big = as<BigIntObject>(v))
        return big->value;
    return BigInt(v.as_integral());
}

static unsigned bit_count_of(const BigInt& n)
{
    return n == 0 ? 0 : (unsigned)boost::multiprecision::msb(boost::multiprecision::abs(n)) + 1;
}

static Value fail_too_large(Interpreter& vm)
{
    return vm.fail(vm.types.overflow_error, "int too large: Threadlab's ints hold at most " + std::to_string(kMaxIntBits) + " bits");
}

Value make_int(Interpreter& vm, const BigInt& n)
{
    static const BigInt kMin(INT64_MIN), kMax(INT64_MAX);
    if (n >= kMin && n <= kMax)
        return Value::from_int((int64_t)n);
    if (bit_count_of(n) > kMaxIntBits)
        return fail_too_large(vm);
    return Value::from_object(vm.heap.make<BigIntObject>(n));
}

bool int_is_negative(Value v)
{
    if (auto* big = as<BigIntObject>(v))
        return big->value < 0;
    return v.as_integral() < 0;
}

int64_t int_bit_length(Value v)
{
    if (auto* big = as<BigIntObject>(v))
        return bit_count_of(big->value);
    int64_t n = v.as_integral();
    uint64_t magnitude = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    return magnitude == 0 ? 0 : 64 - __builtin_clzll(magnitude);
}

// A magnitude of any size rounded to the nearest double (ties to even), as CPython rounds:
// the top 64 bits with a sticky bit for everything below them, which the hardware conversion
// then rounds once.
static double round_to_double(const BigInt& magnitude, bool& overflow)
{
    unsigned bits = bit_count_of(magnitude);
    overflow = false;
    if (bits <= 64)
        return (double)(uint64_t)magnitude;
    unsigned shift = bits - 64;
    BigInt top = magnitude >> shift;
    uint64_t head = (uint64_t)top;
    if ((top << shift) != magnitude)
        head |= 1;
    double d = std::ldexp((double)head, (int)shift);
    overflow = std::isinf(d);
    return d;
}

bool int_to_double(Value v, double& out)
{
    auto* big = as<BigIntObject>(v);
    if (!big) {
        out = (double)v.as_integral();
        return true;
    }
    bool overflow;
    double d = round_to_double(boost::multiprecision::abs(big->value), overflow);
    out = big->value < 0 ? -d : d;
    return !overflow;
}

bool real_to_double(Interpreter& vm, Value v, double& out)
{
    if (v.is_float()) {
        out = v.real;
        return true;
    }
    if (int_to_double(v, out))
        return true;
    vm.fail(vm.types.overflow_error, "int too large to convert to float");
    return false;
}

Value int_from_double(Interpreter& vm, double d)
{
    double truncated = std::trunc(d);
    if (truncated >= -9.2233720368547758e18 && truncated < 9.2233720368547758e18)
        return Value::from_int((int64_t)truncated);
    return make_int(vm, BigInt(truncated));
}

// ---------------------------------------------------------------------------------------------
// 2. Arithmetic and bit operations
// ---------------------------------------------------------------------------------------------

// a / b correctly rounded (CPython's true division of ints): a quotient of 56 or 57 bits with a
// sticky bit for a non-zero remainder, rounded once to a double and scaled.
static Value true_divide(Interpreter& vm, const BigInt& a, const BigInt& b)
{
    if (b == 0)
        return vm.fail(vm.types.zero_division_error, "division by zero");
    bool negative = (a < 0) != (b < 0);
    BigInt x = boost::multiprecision::abs(a), y = boost::multiprecision::abs(b);
    if (x == 0)
        return Value::from_float(negative ? -0.0 : 0.0);
    int shift = (int)bit_count_of(x) - (int)bit_count_of(y) - 56;
    if (shift >= 0)
        y <<= (unsigned)shift;
    else
        x <<= (unsigned)-shift;
    BigInt quotient, remainder;
    boost::multiprecision::divide_qr(x, y, quotient, remainder);
    uint64_t head = (uint64_t)quotient | (remainder != 0 ? 1 : 0);
    double d = std::ldexp((double)head, shift);
    if (std::isinf(d))
        return vm.fail(vm.types.overflow_error, "integer division result too large for a float");
    return Value::from_float(negative ? -d : d);
}

static Value power(Interpreter& vm, Value a, Value b)
{
    if (int_is_negative(b)) {
        double x, y;
        if (!real_to_double(vm, a, x) || !real_to_double(vm, b, y))
            return Value::empty();
        if (x == 0)
            return vm.fail(vm.types.zero_division_error, "0.0 cannot be raised to a negative power");
        return Value::from_float(std::pow(x, y));
    }
    BigInt base = to_big(a);
    if (base == 0 || base == 1)
        return Value::from_int(b.is_integral() && b.as_integral() == 0 ? 1 : (int64_t)base);
    if (base == -1)
        return Value::from_int(to_big(b) % 2 == 0 ? 1 : -1);
    // The result has about exponent * log2|base| bits: refuse before computing what cannot be kept.
    double log2_base = bit_count_of(base) <= 62 ? std::log2(std::fabs((double)(int64_t)base)) : bit_count_of(base) - 1.0;
    if (is_big_int(b) || log2_base * (double)b.as_integral() > (double)kMaxIntBits)
        return fail_too_large(vm);
    return make_int(vm, boost::multiprecision::pow(base, (unsigned)b.as_integral()));
}

static Value shift(Interpreter& vm, BinaryOp op, Value a, Value b)
{
    if (int_is_negative(b))
        return vm.fail(vm.types.value_error, "negative shift count");
    BigInt value = to_big(a);
    if (value == 0)
        return Value::from_int(0);
    if (op == BinaryOp::LShift) {
        if (is_big_int(b) || (uint64_t)bit_count_of(value) + (uint64_t)b.as_integral() > kMaxIntBits)
            return fail_too_large(vm);
        return make_int(vm, value << (unsigned)b.as_integral());
    }
    if (is_big_int(b) || b.as_integral() >= (int64_t)bit_count_of(value))
        return Value::from_int(value < 0 ? -1 : 0);
    unsigned count = (unsigned)b.as_integral();
    // Python rounds down: for a negative x, floor(x / 2**n) is -((-x - 1) >> n) - 1.
    if (value < 0)
        return make_int(vm, -((-value - 1) >> count) - 1);
    return make_int(vm, value >> count);
}

static Value big_binary_op(Interpreter& vm, BinaryOp op, Value a, Value b)
{
    switch (op) {
    case BinaryOp::Pow: return power(vm, a, b);
    case BinaryOp::LShift: case BinaryOp::RShift: return shift(vm, op, a, b);
    default: break;
    }
    BigInt x = to_big(a), y = to_big(b);
    switch (op) {
    case BinaryOp::Add: return make_int(vm, x + y);
    case BinaryOp::Sub: return make_int(vm, x - y);
    case BinaryOp::Mul:
        if (bit_count_of(x) + bit_count_of(y) > kMaxIntBits + 1)
            return fail_too_large(vm);
        return make_int(vm, x * y);
    case BinaryOp::TrueDiv: return true_divide(vm, x, y);
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod: {
        if (y == 0)
            return vm.fail(vm.types.zero_division_error, op == BinaryOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        BigInt quotient, remainder;
        boost::multiprecision::divide_qr(x, y, quotient, remainder);
        // Python rounds the quotient down, so the remainder takes the divisor's sign.
        if (remainder != 0 && (remainder < 0) != (y < 0)) {
            quotient -= 1;
            remainder += y;
        }
        return make_int(vm, op == BinaryOp::Mod ? remainder : quotient);
    }
    // cpp_int's bitwise operators treat negative values as infinite two's complement, as Python.
    case BinaryOp::BitAnd: return make_int(vm, x & y);
    case BinaryOp::BitOr: return make_int(vm, x | y);
    case BinaryOp::BitXor: return make_int(vm, x ^ y);
    default: return Value::empty();
    }
}

// The 64-bit fast path; anything that leaves the range continues with big ints.
Value int_binary_op(Interpreter& vm, BinaryOp op, Value va, Value vb)
{
    if (!va.is_integral() || !vb.is_integral())
        return big_binary_op(vm, op, va, vb);
    int64_t a = va.as_integral(), b = vb.as_integral(), r;
    switch (op) {
    case BinaryOp::Add:
        if (__builtin_add_overflow(a, b, &r)) break;
        return Value::from_int(r);
    case BinaryOp::Sub:
        if (__builtin_sub_overflow(a, b, &r)) break;
        return Value::from_int(r);
    case BinaryOp::Mul:
        if (__builtin_mul_overflow(a, b, &r)) break;
        return Value::from_int(r);
    case BinaryOp::TrueDiv:
        if (b == 0) return vm.fail(vm.types.zero_division_error, "division by zero");
        // Exact below 2**53: one rounding, as CPython's fast path.
        if (a > -(1LL << 53) && a < (1LL << 53) && b > -(1LL << 53) && b < (1LL << 53))
            return Value::from_float((double)a / (double)b);
        break;
    case BinaryOp::FloorDiv:
    case BinaryOp::Mod: {
        if (b == 0)
            return vm.fail(vm.types.zero_division_error, op == BinaryOp::Mod ? "integer modulo by zero" : "integer division or modulo by zero");
        if (a == INT64_MIN && b == -1) {
            if (op == BinaryOp::Mod) return Value::from_int(0);
            break;
        }
        int64_t q = a / b, m = a % b;
        if (m != 0 && ((m < 0) != (b < 0))) {
            q -= 1;
            m += b;
        }
        return Value::from_int(op == BinaryOp::Mod ? m : q);
    }
    case BinaryOp::Pow: {
        if (b < 0)
            break;
        int64_t result = 1, base = a, exponent = b;
        bool overflow = false;
        while (exponent > 0 && !overflow) {
            if (exponent & 1)
                overflow = __builtin_mul_overflow(result, base, &result);
            exponent >>= 1;
            if (exponent && !overflow)
                overflow = __builtin_mul_overflow(base, base, &base);
        }
        if (overflow) break;
        return Value::from_int(result);
    }
    case BinaryOp::LShift:
        if (b < 0) return vm.fail(vm.types.value_error, "negative shift count");
        if (a == 0) return Value::from_int(0);
        if (b >= 63 || (a > 0 ? a > (INT64_MAX >> b) : a < (INT64_MIN >> b))) break;
        return Value::from_int((int64_t)((uint64_t)a << b));
    case BinaryOp::RShift:
        if (b < 0) return vm.fail(vm.types.value_error, "negative shift count");
        return Value::from_int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b);
    case BinaryOp::BitAnd: return Value::from_int(a & b);
    case BinaryOp::BitOr: return Value::from_int(a | b);
    case BinaryOp::BitXor: return Value::from_int(a ^ b);
    }
    return big_binary_op(vm, op, va, vb);
}

Value int_negate(Interpreter& vm, Value v)
{
    if (v.is_integral() && v.as_integral() != INT64_MIN)
        return Value::from_int(-v.as_integral());
    return make_int(vm, -to_big(v));
}

Value int_invert(Interpreter& vm, Value v)
{
    if (v.is_integral())
        return Value::from_int(~v.as_integral());
    return make_int(vm, -to_big(v) - 1);
}

Value int_abs(Interpreter& vm, Value v)
{
    return int_is_negative(v) ? int_negate(vm, v) : (v.is_bool() ? Value::from_int(v.as_integral()) : v);
}

Value round_int_to_decimals(Interpreter& vm, Value x, int64_t decimals)
{
    // 10**decimals more than twice |x|: every such x rounds to 0.
    if ((double)decimals > (double)int_bit_length(x) * 0.30103 + 1)
        return Value::from_int(0);
    BigInt scale = boost::multiprecision::pow(BigInt(10), (unsigned)decimals);
    BigInt value = to_big(x), quotient, remainder;
    boost::multiprecision::divide_qr(value, scale, quotient, remainder);
    if (remainder < 0) {
        quotient -= 1;
        remainder += scale;
    }
    BigInt twice = remainder * 2;
    if (twice > scale || (twice == scale && (quotient & 1) != 0))
        quotient += 1;
    return make_int(vm, quotient * scale);
}

Value int_modular_pow(Interpreter& vm, Value base, Value exponent, Value modulus)
{
    BigInt m = to_big(modulus);
    if (m == 0)
        return vm.fail(vm.types.value_error, "pow() 3rd argument cannot be 0");
    BigInt m_abs = boost::multiprecision::abs(m);
    BigInt b = to_big(base) % m_abs;
    if (b < 0)
        b += m_abs;
    BigInt e = to_big(exponent);
    if (e < 0) {
        // The inverse of b modulo |m| by the extended Euclidean algorithm.
        BigInt r0 = b, r1 = m_abs, s0 = 1, s1 = 0;
        while (r1 != 0) {
            BigInt q = r0 / r1;
            BigInt r2 = r0 - q * r1, s2 = s0 - q * s1;
            r0 = r1, r1 = r2, s0 = s1, s1 = s2;
        }
        if (r0 != 1 && m_abs != 1)
            return vm.fail(vm.types.value_error, "base is not invertible for the given modulus");
        b = s0 % m_abs;
        if (b < 0)
            b += m_abs;
        e = -e;
    }
    BigInt r = m_abs == 1 ? BigInt(0) : boost::multiprecision::powm(b, e, m_abs);
    // The result takes the modulus's sign, as Python's %.
    if (m < 0 && r != 0)
        r -= m_abs;
    return make_int(vm, r);
}

// ---------------------------------------------------------------------------------------------
// 3. Comparison and hashing
// ---------------------------------------------------------------------------------------------

static int sign_of_difference(const BigInt& a, const BigInt& b)
{
    return a < b ? -1 : a > b ? 1 : 0;
}

// An int against a finite or infinite float, exactly: the int against the float's floor, then
// the float's fraction breaks a tie.
static int compare_int_float(Value i, double x)
{
    if (std::isnan(x))
        return 2;
    if (std::isinf(x))
        return x > 0 ? -1 : 1;
    if (i.is_integral() && i.as_integral() > -(1LL << 53) && i.as_integral() < (1LL << 53)) {
        double d = (double)i.as_integral();
        return d < x ? -1 : d > x ? 1 : 0;
    }
    double floor = std::floor(x);
    int c = sign_of_difference(to_big(i), BigInt(floor));
    if (c != 0)
        return c;
    return x > floor ? -1 : 0;
}

int compare_reals(Value a, Value b)
{
    if (a.is_integral() && b.is_integral())
        return a.as_integral() < b.as_integral() ? -1 : a.as_integral() > b.as_integral() ? 1 : 0;
    if (a.is_float() && b.is_float()) {
        if (std::isnan(a.real) || std::isnan(b.real))
            return 2;
        return a.real < b.real ? -1 : a.real > b.real ? 1 : 0;
    }
    if (b.is_float())
        return compare_int_float(a, b.real);
    if (a.is_float()) {
        int c = compare_int_float(b, a.real);
        return c == 2 ? 2 : -c;
    }
    return sign_of_difference(to_big(a), to_big(b));
}

static constexpr uint64_t kHashModulus = (1ULL << 61) - 1;  // CPython's _PyHASH_MODULUS

int64_t int_hash(Value v)
{
    bool negative = int_is_negative(v);
    uint64_t residue;
    if (auto* big = as<BigIntObject>(v)) {
        residue = (uint64_t)(BigInt(boost::multiprecision::abs(big->value) % kHashModulus));
    } else {
        int64_t n = v.as_integral();
        residue = (n < 0 ? 0 - (uint64_t)n : (uint64_t)n) % kHashModulus;
    }
    int64_t h = negative ? -(int64_t)residue : (int64_t)residue;
    return h == -1 ? -2 : h;
}

int64_t float_hash(double x)
{
    if (std::isinf(x))
        return x > 0 ? 314159 : -314159;
    if (std::isnan(x))
        return 0;
    int exponent;
    double mantissa = std::frexp(x, &exponent);
    int sign = 1;
    if (mantissa < 0) {
        sign = -1;
        mantissa = -mantissa;
    }
    // The mantissa's bits, 28 at a time, reduced modulo 2**61 - 1 (CPython's _Py_HashDouble).
    uint64_t h = 0;
    while (mantissa != 0) {
        h = ((h << 28) & kHashModulus) | h >> (61 - 28);
        mantissa *= 268435456.0;
        exponent -= 28;
        uint64_t digit = (uint64_t)mantissa;
        mantissa -= (double)digit;
        h += digit;
        if (h >= kHashModulus)
            h -= kHashModulus;
    }
    exponent = exponent >= 0 ? exponent % 61 : 61 - 1 - ((-1 - exponent) % 61);
    h = ((h << exponent) & kHashModulus) | h >> (61 - exponent);
    int64_t result = (int64_t)h * sign;
    return result == -1 ? -2 : result;
}

// ---------------------------------------------------------------------------------------------
// 4. Text
// ---------------------------------------------------------------------------------------------

static Value fail_str_digits(Interpreter& vm, const std::string& detail)
{
    return vm.fail(vm.types.value_error, "Exceeds the limit (" + std::to_string(kMaxStrDigits) + " digits) for integer string conversion" +
                                             detail + "; use sys.set_int_max_str_digits() to increase the limit");
}

// The decimal digits of a magnitude, eighteen at a time (10**18 is the largest power of ten in
// a 64-bit word). Not cpp_int's str(): its formatting brings about 66 KB of the C++ locale and
// iostream code into the page.
static std::string decimal_digits(BigInt magnitude)
{
    constexpr uint64_t kChunk = 1000000000000000000ull;
    constexpr int kChunkDigits = 18;
    std::vector<uint64_t> chunks;  // least significant first
    BigInt quotient, remainder;
    while (magnitude >= kChunk) {
        boost::multiprecision::divide_qr(magnitude, BigInt(kChunk), quotient, remainder);
        chunks.push_back((uint64_t)remainder);
        magnitude.swap(quotient);
    }
    std::string out = std::to_string((uint64_t)magnitude);
    for (auto chunk = chunks.rbegin(); chunk != chunks.rend(); ++chunk) {
        std::string digits = std::to_string(*chunk);
        out.append(kChunkDigits - digits.size(), '0');
        out += digits;
    }
    return out;
}

bool int_to_decimal(Interpreter& vm, Value v, std::string& out)
{
    auto* big = as<BigIntObject>(v);
    if (!big) {
        out = std::to_string(v.as_integral());
        return true;
    }
    // log10(2) < 0.30103: a number of this many bits cannot have fewer digits than the limit.
    if ((double)bit_count_of(big->value) * 0.30103 > (double)kMaxStrDigits + 2) {
        fail_str_digits(vm, "");
        return false;
    }
    out = decimal_digits(boost::multiprecision::abs(big->value));
    if (out.size() > kMaxStrDigits) {
        fail_str_digits(vm, "");
        return false;
    }
    if (big->value < 0)
        out.insert(out.begin(), '-');
    return true;
}

std::string int_magnitude_digits(Value v, int base, bool upper)
{
    const char* alphabet = upper ? "0123456789ABCDEF" : "0123456789abcdef";
    std::string digits;
    if (auto* big = as<BigIntObject>(v)) {
        if (base == 10)
            return decimal_digits(boost::multiprecision::abs(big->value));
        BigInt magnitude = boost::multiprecision::abs(big->value);
        unsigned bits_per_digit = base == 16 ? 4 : base == 8 ? 3 : 1;
        unsigned mask = (unsigned)base - 1;
        while (magnitude != 0) {
            digits += alphabet[(unsigned)(magnitude & mask)];
            magnitude >>= bits_per_digit;
        }
    } else {
        int64_t n = v.as_integral();
        uint64_t magnitude = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
        do {
            digits += alphabet[magnitude % (uint64_t)base];
            magnitude /= (uint64_t)base;
        } while (magnitude);
    }
    return std::string(digits.rbegin(), digits.rend());
}

static int digit_value(char c)
{
    if (c >= '0' && c <= '9') return c - '0';
    char lower = (char)(c | 0x20);
    if (lower >= 'a' && lower <= 'z') return lower - 'a' + 10;
    return 99;
}

// The digits of a literal after its sign and prefix, checked; Empty when they are not valid.
static bool clean_digits(std::string_view text, int base, std::string& digits)
{
    if (text.empty() || text.front() == '_' || text.back() == '_')
        return false;
    char previous = 0;
    for (char c : text) {
        if (c == '_') {
            if (previous == '_')
                return false;
        } else if (digit_value(c) >= base) {
            return false;
        } else {
            digits += c;
        }
        previous = c;
    }
    return true;
}

// The first code point of each run of ten decimal digits in Unicode (category Nd) that int()
// reads, as CPython does: Arabic-Indic, Devanagari, ..., fullwidth, and the mathematical digits.
static constexpr uint32_t kDigitZeros[] = {
    0x0660, 0x06F0, 0x07C0, 0x0966, 0x09E6, 0x0A66, 0x0AE6, 0x0B66, 0x0BE6, 0x0C66, 0x0CE6, 0x0D66, 0x0DE6,
    0x0E50, 0x0ED0, 0x0F20, 0x1040, 0x1090, 0x17E0, 0x1810, 0x1946, 0x19D0, 0x1A80, 0x1A90, 0x1B50, 0x1BB0,
    0x1C40, 0x1C50, 0xA620, 0xA8D0, 0xA900, 0xA9D0, 0xA9F0, 0xAA50, 0xABF0, 0xFF10, 0x104A0, 0x10D30, 0x11066,
    0x110F0, 0x11136, 0x111D0, 0x112F0, 0x11450, 0x114D0, 0x11650, 0x116C0, 0x11730, 0x118E0, 0x11950, 0x11C50,
    0x11D50, 0x11DA0, 0x16A60, 0x16AC0, 0x16B50, 0x1D7CE, 0x1D7D8, 0x1D7E2, 0x1D7EC, 0x1D7F6, 0x1E140, 0x1E2F0,
    0x1E950, 0x1FBF0,
};

static bool is_unicode_space(uint32_t cp)
{
    return cp == 0x85 || cp == 0xA0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 || cp == 0x2029 ||
           cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

// Text with its Unicode digits and spaces made ASCII, as CPython reads a number's text first.
static std::string ascii_digits_and_spaces(std::string_view text)
{
    std::string out;
    for (size_t at = 0; at < text.size();) {
        size_t begin = at;
        uint32_t cp = lang::decode_utf8(text, at);
        char replacement = 0;
        if (cp >= 0x80) {
            for (uint32_t zero : kDigitZeros)
                if (cp >= zero && cp < zero + 10)
                    replacement = (char)('0' + (cp - zero));
            if (is_unicode_space(cp))
                replacement = ' ';
        }
        if (replacement)
            out += replacement;
        else
            out.append(text.substr(begin, at - begin));
    }
    return out;
}

Value parse_int_text(Interpreter& vm, std::string_view original, int base)
{
    std::string transformed = ascii_digits_and_spaces(original);
    std::string_view text = transformed;
    size_t start = text.find_first_not_of(" \t\n\r\f\v");
    size_t end = text.find_last_not_of(" \t\n\r\f\v");
    text = start == std::string_view::npos ? std::string_view() : text.substr(start, end - start + 1);
    int named_base = base;
    bool negative = false;
    if (!text.empty() && (text[0] == '+' || text[0] == '-')) {
        negative = text[0] == '-';
        text.remove_prefix(1);
    }
    bool valid = true;
    if (text.size() >= 2 && text[0] == '0') {
        char p = (char)(text[1] | 0x20);
        int prefix_base = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (prefix_base && (base == 0 || base == prefix_base)) {
            base = prefix_base;
            text.remove_prefix(2);
            if (!text.empty() && text[0] == '_')
                text.remove_prefix(1);
            valid = !text.empty() && text[0] != '_';
        }
    }
    if (base == 0) {
        // Base 0 reads the text as a literal: no leading zeros in a decimal number.
        valid = valid && !(text.size() > 1 && text[0] == '0' && text.find_first_not_of("0_") != std::string_view::npos);
        base = 10;
    }
    std::string digits;
    if (!valid || !clean_digits(text, base, digits))
        return vm.fail(vm.types.value_error, "invalid literal for int() with base " + std::to_string(named_base) + ": " + lang::str_repr(original));
    bool power_of_two = (base & (base - 1)) == 0;
    if (!power_of_two && digits.size() > kMaxStrDigits)
        return fail_str_digits(vm, ": value has " + std::to_string(digits.size()) + " digits");
    if (power_of_two && digits.size() * (size_t)__builtin_ctz((unsigned)base) > kMaxIntBits + 64)
        return fail_too_large(vm);
    // Chunks of digits that fit in 64 bits: one big multiply-add per chunk, not per digit.
    BigInt value = 0;
    size_t at = 0;
    while (at < digits.size()) {
        uint64_t chunk = 0, scale = 1;
        for (; at < digits.size() && scale <= UINT64_MAX / 64 / (uint64_t)base; at++) {
            chunk = chunk * (uint64_t)base + (uint64_t)digit_value(digits[at]);
            scale *= (uint64_t)base;
        }
        value = value * scale + chunk;
    }
    return make_int(vm, negative ? BigInt(-value) : value);
}

} // namespace python

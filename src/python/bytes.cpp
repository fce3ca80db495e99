// bytes and bytearray. Sections:
//   1. Values, hash and the operators
//   2. Codecs: str.encode, bytes.decode
//   3. Constructors
//   4. Methods
//   5. int.to_bytes and int.from_bytes
//   6. install_bytes
#include "python/text_search.h"
#include "python/bytes.h"
#include "python/bigint.h"
#include "python/builtins.h"
#include "python/native.h"
#include "lang/utf8.h"
#include <algorithm>
#include <cstring>

namespace python {

namespace {

BytesObject* self_bytes(CallArgs args) { return static_cast<BytesObject*>(args[0].object); }

// The bytes of a bytes-like argument (bytes or bytearray), or null.
const std::string* bytes_of(Value v)
{
    auto* b = as<BytesObject>(v);
    return b ? &b->data : nullptr;
}

// A positional argument, or the keyword of the same meaning; Empty when neither was passed.
Value argument(CallArgs args, uint32_t position, const char* keyword)
{
    if (position < args.positional_count())
        return args[position];
    return args.keyword(keyword);
}

// bytes(iterable) says "bytes must be in range(0, 256)"; everything else "byte must be ...".
bool byte_value(Interpreter& vm, Value v, unsigned char& out, const char* noun = "byte")
{
    int64_t n;
    if (!int_argument(vm, v, n))
        return false;
    if (n < 0 || n > 255) {
        vm.fail(vm.types.value_error, std::string(noun) + " must be in range(0, 256)");
        return false;
    }
    out = (unsigned char)n;
    return true;
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 1. Values, hash and the operators
// ---------------------------------------------------------------------------------------------

Value new_bytes(Interpreter& vm, std::string data, bool bytearray)
{
    return Value::from_object(vm.heap.make<BytesObject>(std::move(data), bytearray));
}

int64_t bytes_hash(std::string_view data)
{
    if (data.empty())
        return 0;
    auto rotl = [](uint64_t x, int b) { return (x << b) | (x >> (64 - b)); };
    // The key is (0, 0): CPython's with hash randomization off.
    uint64_t v0 = 0x736f6d6570736575ULL, v1 = 0x646f72616e646f6dULL, v2 = 0x6c7967656e657261ULL, v3 = 0x7465646279746573ULL;
    auto round = [&] {
        v0 += v1; v1 = rotl(v1, 13); v1 ^= v0; v0 = rotl(v0, 32);
        v2 += v3; v3 = rotl(v3, 16); v3 ^= v2;
        v0 += v3; v3 = rotl(v3, 21); v3 ^= v0;
        v2 += v1; v1 = rotl(v1, 17); v1 ^= v2; v2 = rotl(v2, 32);
    };
    auto word = [&](size_t at, size_t count) {
        uint64_t m = 0;
        for (size_t i = 0; i < count; i++)
            m |= (uint64_t)(unsigned char)data[at + i] << (8 * i);
        return m;
    };
    size_t full = data.size() / 8 * 8;
    for (size_t at = 0; at < full; at += 8) {
        uint64_t m = word(at, 8);
        v3 ^= m;
        round();
        v0 ^= m;
    }
    uint64_t last = ((uint64_t)data.size() << 56) | word(full, data.size() - full);
    v3 ^= last;
    round();
    v0 ^= last;
    v2 ^= 0xff;
    round();
    round();
    round();
    int64_t h = (int64_t)(v0 ^ v1 ^ v2 ^ v3);
    return h == -1 ? -2 : h;
}

Value bytes_concat(Interpreter& vm, BytesObject* a, Value b, bool in_place)
{
    const std::string* other = bytes_of(b);
    if (!other)
        return vm.fail(vm.types.type_error, "can't concat " + vm.type_name(b) + " to " + vm.type_name(Value::from_object(a)));
    if (!vm.reserve(a->data.size() + other->size()))
        return Value::empty();
    if (in_place && a->bytearray) {
        a->data += *other;
        return Value::from_object(a);
    }
    return new_bytes(vm, a->data + *other, a->bytearray);
}

Value bytes_repeat(Interpreter& vm, BytesObject* b, int64_t times)
{
    if (times <= 0 || b->data.empty())
        return new_bytes(vm, "", b->bytearray);
    if ((uint64_t)times > SIZE_MAX / b->data.size())
        return vm.fail(vm.types.memory_error, "");
    if (!vm.reserve(b->data.size() * (size_t)times))
        return Value::empty();
    std::string out;
    out.reserve(b->data.size() * (size_t)times);
    for (int64_t i = 0; i < times; i++)
        out += b->data;
    return new_bytes(vm, std::move(out), b->bytearray);
}

Value bytes_contains(Interpreter& vm, BytesObject* b, Value item)
{
    if (const std::string* needle = bytes_of(item))
        return Value::from_bool(b->data.find(*needle) != std::string::npos);
    if (!is_int(item))
        return vm.fail(vm.types.type_error, "a bytes-like object is required, not '" + vm.type_name(item) + "'");
    unsigned char byte;
    if (!byte_value(vm, item, byte))
        return Value::empty();
    return Value::from_bool(b->data.find((char)byte) != std::string::npos);
}

// An index into b (negatives from the end); false with IndexError raised when out of range.
static bool byte_index(Interpreter& vm, const BytesObject* b, Value index, size_t& out)
{
    if (is_big_int(index)) {
        vm.fail(vm.types.index_error, "cannot fit 'int' into an index-sized integer");
        return false;
    }
    int64_t i = index.as_integral();
    if (i < 0)
        i += (int64_t)b->data.size();
    if (i < 0 || i >= (int64_t)b->data.size()) {
        vm.fail(vm.types.index_error, b->bytearray ? "bytearray index out of range" : "index out of range");
        return false;
    }
    out = (size_t)i;
    return true;
}

Value bytes_get_item(Interpreter& vm, BytesObject* b, Value index)
{
    if (is_int(index)) {
        size_t i;
        if (!byte_index(vm, b, index, i))
            return Value::empty();
        return Value::from_int((unsigned char)b->data[i]);
    }
    if (auto* slice = as<SliceObject>(index)) {
        int64_t start, stop, step;
        if (!slice_indices(vm, slice, (int64_t)b->data.size(), start, stop, step))
            return Value::empty();
        if (step == 1)
            return new_bytes(vm, start < stop ? b->data.substr((size_t)start, (size_t)(stop - start)) : "", b->bytearray);
        std::string out;
        for (int64_t i : slice_positions(start, stop, step))
            out += b->data[(size_t)i];
        return new_bytes(vm, std::move(out), b->bytearray);
    }
    return vm.fail(vm.types.type_error, std::string(b->bytearray ? "bytearray" : "byte") + " indices must be integers or slices, not " +
                                            vm.type_name(index));
}

// The bytes that bytes(x) makes of a bytes-like object or an iterable of ints; false when it raised.
static bool collect_bytes(Interpreter& vm, Value source, std::string& out, const char* noun = "byte")
{
    if (const std::string* data = bytes_of(source)) {
        out = *data;
        return true;
    }
    std::vector<Value> items;
    if (!vm.collect(source, items))
        return false;
    out.reserve(items.size());
    for (Value item : items) {
        unsigned char byte;
        if (!byte_value(vm, item, byte, noun))
            return false;
        out += (char)byte;
    }
    return true;
}

bool bytearray_set_item(Interpreter& vm, BytesObject* b, Value index, Value value)
{
    bool deleting = value.is_empty();
    if (is_int(index)) {
        size_t i;
        unsigned char byte = 0;
        if (!byte_index(vm, b, index, i) || (!deleting && !byte_value(vm, value, byte)))
            return false;
        if (deleting)
            b->data.erase(i, 1);
        else
            b->data[i] = (char)byte;
        return true;
    }
    auto* slice = as<SliceObject>(index);
    if (!slice) {
        vm.fail(vm.types.type_error, "bytearray indices must be integers or slices, not " + vm.type_name(index));
        return false;
    }
    int64_t start, stop, step;
    if (!slice_indices(vm, slice, (int64_t)b->data.size(), start, stop, step))
        return false;
    std::vector<int64_t> positions = slice_positions(start, stop, step);
    if (deleting) {
        std::sort(positions.begin(), positions.end());
        for (size_t k = positions.size(); k-- > 0;)
            b->data.erase((size_t)positions[k], 1);
        return true;
    }
    if (is_int(value)) {
        vm.fail(vm.types.type_error, "can assign only bytes, buffers, or iterables of ints in range(0, 256)");
        return false;
    }
    std::string replacement;
    if (!collect_bytes(vm, value, replacement))
        return false;
    if (step == 1) {
        stop = std::max(start, stop);
        b->data.replace((size_t)start, (size_t)(stop - start), replacement);
        return true;
    }
    if (positions.size() != replacement.size()) {
        vm.fail(vm.types.value_error, "attempt to assign bytes of size " + std::to_string(replacement.size()) +
                                          " to extended slice of size " + std::to_string(positions.size()));
        return false;
    }
    for (size_t k = 0; k < positions.size(); k++)
        b->data[(size_t)positions[k]] = replacement[k];
    return true;
}

// ---------------------------------------------------------------------------------------------
// 2. Codecs
// ---------------------------------------------------------------------------------------------

namespace {

enum class Codec : uint8_t { Utf8, Ascii, Latin1 };

// The codec an encoding name means, with CPython's normalization (case, '-' and '_' alike).
bool find_codec(Interpreter& vm, const std::string& name, Codec& codec, const char*& canonical)
{
    std::string key;
    for (char c : name)
        key += c == '_' || c == ' ' ? '-' : (char)tolower((unsigned char)c);
    if (key == "utf-8" || key == "utf8" || key == "u8") {
        codec = Codec::Utf8;
        canonical = "utf-8";
    } else if (key == "ascii" || key == "us-ascii" || key == "646") {
        codec = Codec::Ascii;
        canonical = "ascii";
    } else if (key == "latin-1" || key == "latin1" || key == "iso-8859-1" || key == "iso8859-1" || key == "l1") {
        codec = Codec::Latin1;
        canonical = "latin-1";
    } else {
        vm.fail(vm.types.lookup_error, "unknown encoding: " + name);
        return false;
    }
    return true;
}

// The encoding and errors arguments of encode/decode/bytes(str, ...): str values or defaults.
bool codec_arguments(Interpreter& vm, const char* function, CallArgs args, uint32_t first, std::string& encoding, std::string& errors)
{
    if (!check_keywords(vm, function, args, {"encoding", "errors"}))
        return false;
    const char* names[2] = {"encoding", "errors"};
    std::string* outs[2] = {&encoding, &errors};
    for (int k = 0; k < 2; k++) {
        Value v = argument(args, first + (uint32_t)k, names[k]);
        if (v.is_empty())
            continue;
        const StrObject* s;
        if (!str_argument(vm, v, (std::string(function) + "() argument '" + names[k] + "'").c_str(), s))
            return false;
        *outs[k] = s->text;
    }
    return true;
}

std::string hex_escape(const char* format, uint32_t value)
{
    char buffer[16];
    snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

// A code point as Python escapes it: \xe9, \u20ac, \U0001f600.
std::string escaped(uint32_t cp)
{
    return cp < 0x100 ? hex_escape("\\x%02x", cp) : cp < 0x10000 ? hex_escape("\\u%04x", cp) : hex_escape("\\U%08x", cp);
}

Value unicode_error(Interpreter& vm, ClassObject* type, const char* encoding, Value object, int64_t start, int64_t end,
                    const std::string& reason, const std::string& message)
{
    Value error = vm.make_exception(type, message);
    Table& attrs = as<InstanceObject>(error)->attrs;
    vm.set_attr(attrs, "encoding", vm.new_str(encoding));
    vm.set_attr(attrs, "object", object);
    vm.set_attr(attrs, "start", Value::from_int(start));
    vm.set_attr(attrs, "end", Value::from_int(end));
    vm.set_attr(attrs, "reason", vm.new_str(reason));
    vm.pending = error;
    return Value::empty();
}

bool known_handler(const std::string& errors)
{
    for (const char* handler : {"strict", "ignore", "replace", "backslashreplace", "xmlcharrefreplace", "surrogateescape"})
        if (errors == handler)
            return true;
    return false;
}

Value encode(Interpreter& vm, Value text_value, const std::string& encoding, const std::string& errors)
{
    Codec codec;
    const char* canonical;
    if (!find_codec(vm, encoding, codec, canonical))
        return Value::empty();
    const std::string& text = as<StrObject>(text_value)->text;
    const uint32_t limit = codec == Codec::Ascii ? 0x80 : codec == Codec::Latin1 ? 0x100 : 0x110000;
    std::string out;
    int64_t index = 0;
    for (size_t at = 0; at < text.size(); index++) {
        size_t begin = at;
        uint32_t cp = lang::decode_utf8(text, at);
        bool surrogate = cp >= 0xD800 && cp <= 0xDFFF;
        if (cp < limit && !surrogate) {
            if (codec == Codec::Utf8)
                out.append(text, begin, at - begin);
            else
                out += (char)cp;
            continue;
        }
        // A run of characters the codec cannot encode is one error, as CPython reports it.
        int64_t end = index + 1;
        for (size_t next = at; next < text.size();) {
            uint32_t following = lang::decode_utf8(text, next);
            if (following < limit && !(following >= 0xD800 && following <= 0xDFFF))
                break;
            end++;
        }
        if (errors == "ignore") {
            continue;
        } else if (errors == "replace") {
            out += '?';
        } else if (errors == "backslashreplace") {
            out += escaped(cp);
        } else if (errors == "xmlcharrefreplace") {
            out += "&#" + std::to_string(cp) + ";";
        } else {
            if (!known_handler(errors))
                return vm.fail(vm.types.lookup_error, "unknown error handler name '" + errors + "'");
            std::string reason = surrogate ? "surrogates not allowed" : "ordinal not in range(" + std::to_string(limit) + ")";
            std::string what = end - index == 1 ? "character '" + escaped(cp) + "' in position " + std::to_string(index)
                                                : "characters in position " + std::to_string(index) + "-" + std::to_string(end - 1);
            return unicode_error(vm, vm.types.unicode_encode_error, canonical, text_value, index, end, reason,
                                 std::string("'") + canonical + "' codec can't encode " + what + ": " + reason);
        }
    }
    return new_bytes(vm, std::move(out));
}

// How long the UTF-8 sequence at data[at] is when valid (1..4), or 0; `bad_length` is then how
// many bytes CPython reports as the invalid part, and `reason` why.
size_t utf8_sequence(std::string_view data, size_t at, size_t& bad_length, const char*& reason)
{
    unsigned char lead = (unsigned char)data[at];
    if (lead < 0x80)
        return 1;
    size_t length = lead >= 0xC2 && lead <= 0xDF ? 2 : lead >= 0xE0 && lead <= 0xEF ? 3 : lead >= 0xF0 && lead <= 0xF4 ? 4 : 0;
    if (length == 0) {
        bad_length = 1;
        reason = "invalid start byte";
        return 0;
    }
    // The second byte's range depends on the lead byte (no overlong forms, surrogates or code
    // points past U+10FFFF); the others are plain continuation bytes.
    unsigned char low = lead == 0xE0 ? 0xA0 : lead == 0xF0 ? 0x90 : 0x80;
    unsigned char high = lead == 0xED ? 0x9F : lead == 0xF4 ? 0x8F : 0xBF;
    for (size_t k = 1; k < length; k++) {
        if (at + k >= data.size()) {
            bad_length = k;
            reason = "unexpected end of data";
            return 0;
        }
        unsigned char c = (unsigned char)data[at + k];
        bool ok = k == 1 ? c >= low && c <= high : c >= 0x80 && c <= 0xBF;
        if (!ok) {
            bad_length = k;
            reason = "invalid continuation byte";
            return 0;
        }
    }
    return length;
}

Value decode(Interpreter& vm, Value bytes_value, const std::string& encoding, const std::string& errors)
{
    Codec codec;
    const char* canonical;
    if (!find_codec(vm, encoding, codec, canonical))
        return Value::empty();
    const std::string& data = as<BytesObject>(bytes_value)->data;
    std::string out;
    for (size_t at = 0; at < data.size();) {
        unsigned char byte = (unsigned char)data[at];
        size_t bad_length = 1;
        const char* reason = "ordinal not in range(128)";
        size_t length = codec == Codec::Latin1 || byte < 0x80 ? 1 : codec == Codec::Ascii ? 0 : utf8_sequence(data, at, bad_length, reason);
        if (length > 0) {
            if (codec == Codec::Latin1)
                lang::append_utf8(out, byte);
            else
                out.append(data, at, length);
            at += length;
            continue;
        }
        if (errors == "ignore") {
        } else if (errors == "replace") {
            lang::append_utf8(out, 0xFFFD);
        } else if (errors == "backslashreplace") {
            for (size_t k = 0; k < bad_length; k++)
                out += hex_escape("\\x%02x", (unsigned char)data[at + k]);
        } else {
            if (!known_handler(errors))
                return vm.fail(vm.types.lookup_error, "unknown error handler name '" + errors + "'");
            std::string what = bad_length == 1 ? "byte " + hex_escape("0x%02x", byte) + " in position " + std::to_string(at)
                                               : "bytes in position " + std::to_string(at) + "-" + std::to_string(at + bad_length - 1);
            return unicode_error(vm, vm.types.unicode_decode_error, canonical, bytes_value, (int64_t)at, (int64_t)(at + bad_length),
                                 reason, std::string("'") + canonical + "' codec can't decode " + what + ": " + reason);
        }
        at += bad_length;
    }
    return vm.new_str(out);
}

NativeResult result_of(Value v) { return v.is_empty() ? NativeResult::raised() : NativeResult::of(v); }

NativeResult str_encode(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.positional_count() > 3)
        return vm.raise(vm.types.type_error, "encode() takes at most 2 arguments (" + std::to_string(args.count - 1) + " given)");
    std::string encoding = "utf-8", errors = "strict";
    if (!codec_arguments(vm, "encode", args, 1, encoding, errors))
        return NativeResult::raised();
    return result_of(encode(vm, args[0], encoding, errors));
}

NativeResult bytes_decode(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (args.positional_count() > 3)
        return vm.raise(vm.types.type_error, "decode() takes at most 2 arguments (" + std::to_string(args.count - 1) + " given)");
    std::string encoding = "utf-8", errors = "strict";
    if (!codec_arguments(vm, "decode", args, 1, encoding, errors))
        return NativeResult::raised();
    return result_of(decode(vm, args[0], encoding, errors));
}

// ---------------------------------------------------------------------------------------------
// 3. Constructors: bytes(), bytes(n), bytes(iterable), bytes(str, encoding[, errors]), the same
//    for bytearray (data: the class)
// ---------------------------------------------------------------------------------------------

NativeResult construct_bytes(Interpreter& vm, Thread&, Value cls, CallArgs args)
{
    bool bytearray = as<ClassObject>(cls) == vm.types.bytearray;
    const char* name = bytearray ? "bytearray" : "bytes";
    if (!check_keywords(vm, name, args, {"source", "encoding", "errors"}))
        return NativeResult::raised();
    if (args.positional_count() > 3)
        return vm.raise(vm.types.type_error, std::string(name) + "() takes at most 3 arguments (" + std::to_string(args.count) + " given)");
    Value source = argument(args, 0, "source");
    bool has_codec = !argument(args, 1, "encoding").is_empty() || !argument(args, 2, "errors").is_empty();
    if (source.is_empty()) {
        if (has_codec)
            return vm.raise(vm.types.type_error, "encoding or errors without sequence argument");
        return NativeResult::of(new_bytes(vm, "", bytearray));
    }
    if (as<StrObject>(source)) {
        if (!has_codec)
            return vm.raise(vm.types.type_error, "string argument without an encoding");
        std::string encoding = "utf-8", errors = "strict";
        if (!codec_arguments(vm, name, args, 1, encoding, errors))
            return NativeResult::raised();
        Value encoded = encode(vm, source, encoding, errors);
        if (encoded.is_empty())
            return NativeResult::raised();
        as<BytesObject>(encoded)->bytearray = bytearray;
        return NativeResult::of(encoded);
    }
    if (has_codec)
        return vm.raise(vm.types.type_error, argument(args, 1, "encoding").is_empty() ? "errors without a string argument"
                                                                                      : "encoding without a string argument");
    if (is_int(source)) {
        int64_t count;
        if (!int_argument(vm, source, count))
            return NativeResult::raised();
        if (count < 0)
            return vm.raise(vm.types.value_error, "negative count");
        if (!vm.reserve((size_t)count))
            return NativeResult::raised();
        return NativeResult::of(new_bytes(vm, std::string((size_t)count, '\0'), bytearray));
    }
    NativeResult retried;
    if (retry_with_lists(vm, cls, args, 1, retried))
        return retried;
    if (!bytes_of(source) && vm.get_iter(source).is_empty()) {
        vm.pending = Value::empty();
        return vm.raise(vm.types.type_error, std::string("cannot convert '") + vm.type_name(source) + "' object to " + name);
    }
    std::string data;
    if (!collect_bytes(vm, source, data, bytearray ? "byte" : "bytes"))
        return NativeResult::raised();
    return NativeResult::of(new_bytes(vm, std::move(data), bytearray));
}

// ---------------------------------------------------------------------------------------------
// 4. Methods (self is args[0], a bytes or a bytearray)
// ---------------------------------------------------------------------------------------------

// A bytes-like argument; TypeError naming what it got otherwise.
bool bytes_argument(Interpreter& vm, Value v, const std::string*& out)
{
    out = bytes_of(v);
    if (!out)
        vm.fail(vm.types.type_error, "a bytes-like object is required, not '" + vm.type_name(v) + "'");
    return out != nullptr;
}

// The needle of find/count/index: bytes-like, or an int naming one byte.
bool needle_argument(Interpreter& vm, Value v, std::string& out)
{
    if (const std::string* data = bytes_of(v)) {
        out = *data;
        return true;
    }
    if (!is_int(v)) {
        vm.fail(vm.types.type_error, "argument should be integer or bytes-like object, not '" + vm.type_name(v) + "'");
        return false;
    }
    unsigned char byte;
    if (!byte_value(vm, v, byte))
        return false;
    out = std::string(1, (char)byte);
    return true;
}

// The optional start and end arguments (at `first`), clamped like slice bounds.
bool bounds(Interpreter& vm, CallArgs args, uint32_t first, size_t size, size_t& begin, size_t& end)
{
    int64_t limits[2] = {0, (int64_t)size};
    for (uint32_t k = 0; k < 2; k++) {
        if (args.count > first + k && !args[first + k].is_none() && !int_argument(vm, args[first + k], limits[k]))
            return false;
        if (limits[k] < 0)
            limits[k] = std::max<int64_t>(0, limits[k] + (int64_t)size);
        limits[k] = std::min<int64_t>(limits[k], (int64_t)size);
    }
    begin = (size_t)limits[0];
    end = (size_t)std::max(limits[0], limits[1]);
    return true;
}

NativeResult find_impl(Interpreter& vm, CallArgs args, const char* name, bool reverse, bool raise_if_missing)
{
    if (!check_arity(vm, name, args, 2, 4))
        return NativeResult::raised();
    std::string needle;
    size_t begin, end;
    const std::string& data = self_bytes(args)->data;
    if (!needle_argument(vm, args[1], needle) || !bounds(vm, args, 2, data.size(), begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(data).substr(begin, end - begin);
    size_t at = needle.size() > window.size() ? std::string::npos : reverse ? rfind_text(window, needle) : find_text(window, needle);
    if (at == std::string::npos) {
        if (raise_if_missing)
            return vm.raise(vm.types.value_error, "subsection not found");
        return NativeResult::of(Value::from_int(-1));
    }
    return NativeResult::of(Value::from_int((int64_t)(begin + at)));
}

NativeResult bytes_find(Interpreter& vm, Thread&, Value, CallArgs args) { return find_impl(vm, args, "find", false, false); }
NativeResult bytes_rfind(Interpreter& vm, Thread&, Value, CallArgs args) { return find_impl(vm, args, "rfind", true, false); }
NativeResult bytes_index(Interpreter& vm, Thread&, Value, CallArgs args) { return find_impl(vm, args, "index", false, true); }
NativeResult bytes_rindex(Interpreter& vm, Thread&, Value, CallArgs args) { return find_impl(vm, args, "rindex", true, true); }

NativeResult bytes_count(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "count", args, 2, 4))
        return NativeResult::raised();
    std::string needle;
    size_t begin, end;
    const std::string& data = self_bytes(args)->data;
    if (!needle_argument(vm, args[1], needle) || !bounds(vm, args, 2, data.size(), begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(data).substr(begin, end - begin);
    if (needle.empty())
        return NativeResult::of(Value::from_int((int64_t)window.size() + 1));
    int64_t count = 0;
    for (size_t at = find_text(window, needle); at != std::string::npos; at = find_text(window, needle, at + needle.size()))
        count++;
    return NativeResult::of(Value::from_int(count));
}

NativeResult bytes_join(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "join", args, 2, 2))
        return NativeResult::raised();
    NativeResult retried;
    if (retry_with_lists(vm, vm.get_attr(args[0], "join"), CallArgs{args.values + 1, 1, nullptr, 0}, 1, retried))
        return retried;
    std::vector<Value> parts;
    if (!vm.collect(args[1], parts))
        return NativeResult::raised();
    BytesObject* self = self_bytes(args);
    // The result's size first: one that cannot fit fails before it is made.
    uint64_t total = parts.empty() ? 0 : (uint64_t)self->data.size() * (parts.size() - 1);
    for (size_t i = 0; i < parts.size(); i++) {
        const std::string* part = bytes_of(parts[i]);
        if (!part)
            return vm.raise(vm.types.type_error, "sequence item " + std::to_string(i) + ": expected a bytes-like object, " +
                                                     vm.type_name(parts[i]) + " found");
        total += part->size();
    }
    if (!vm.reserve(total))
        return NativeResult::raised();
    std::string out;
    out.reserve((size_t)total);
    for (size_t i = 0; i < parts.size(); i++) {
        if (i)
            out += self->data;
        out += *bytes_of(parts[i]);
    }
    return NativeResult::of(new_bytes(vm, std::move(out), self->bytearray));
}

bool is_ascii_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v'; }

NativeResult split_impl(Interpreter& vm, CallArgs args, const char* name, bool from_right)
{
    if (!check_keywords(vm, name, args, {"sep", "maxsplit"}))
        return NativeResult::raised();
    if (args.positional_count() > 3)
        return vm.raise(vm.types.type_error, std::string(name) + "() takes at most 2 arguments (" + std::to_string(args.count - 1) + " given)");
    Value separator = argument(args, 1, "sep");
    Value limit = argument(args, 2, "maxsplit");
    int64_t maxsplit = -1;
    if (!limit.is_empty() && !int_argument(vm, limit, maxsplit))
        return NativeResult::raised();
    BytesObject* self = self_bytes(args);
    const std::string& data = self->data;
    std::vector<std::string> pieces;
    if (separator.is_empty() || separator.is_none()) {
        // Runs of ASCII whitespace separate; none at the ends.
        std::string text = data;
        if (from_right)
            std::reverse(text.begin(), text.end());
        size_t at = 0;
        while (true) {
            while (at < text.size() && is_ascii_space(text[at]))
                at++;
            if (at >= text.size())
                break;
            if (maxsplit >= 0 && (int64_t)pieces.size() == maxsplit) {
                pieces.push_back(text.substr(at));
                break;
            }
            size_t start = at;
            while (at < text.size() && !is_ascii_space(text[at]))
                at++;
            pieces.push_back(text.substr(start, at - start));
        }
        if (from_right) {
            for (std::string& piece : pieces)
                std::reverse(piece.begin(), piece.end());
            std::reverse(pieces.begin(), pieces.end());
        }
    } else {
        const std::string* sep;
        if (!bytes_argument(vm, separator, sep))
            return NativeResult::raised();
        if (sep->empty())
            return vm.raise(vm.types.value_error, "empty separator");
        std::vector<size_t> cuts;
        if (from_right) {
            for (size_t end = data.size(); maxsplit < 0 || (int64_t)cuts.size() < maxsplit;) {
                size_t at = end >= sep->size() ? rfind_text(data, *sep, end - sep->size()) : std::string::npos;
                if (at == std::string::npos)
                    break;
                cuts.push_back(at);  // from the right; put in order below (inserting in front is quadratic)
                end = at;
            }
            std::reverse(cuts.begin(), cuts.end());
        } else {
            for (size_t at = find_text(data, *sep); at != std::string::npos && (maxsplit < 0 || (int64_t)cuts.size() < maxsplit);
                 at = find_text(data, *sep, at + sep->size()))
                cuts.push_back(at);
        }
        size_t start = 0;
        for (size_t cut : cuts) {
            pieces.push_back(data.substr(start, cut - start));
            start = cut + sep->size();
        }
        pieces.push_back(data.substr(start));
    }
    std::vector<Value> out;
    for (std::string& piece : pieces)
        out.push_back(new_bytes(vm, std::move(piece), self->bytearray));
    return NativeResult::of(vm.new_list(std::move(out)));
}

NativeResult bytes_split(Interpreter& vm, Thread&, Value, CallArgs args) { return split_impl(vm, args, "split", false); }
NativeResult bytes_rsplit(Interpreter& vm, Thread&, Value, CallArgs args) { return split_impl(vm, args, "rsplit", true); }

// which: 1 strips the start, 2 the end, 3 both.
NativeResult strip_impl(Interpreter& vm, CallArgs args, const char* name, int which)
{
    if (!check_arity(vm, name, args, 1, 2))
        return NativeResult::raised();
    std::string chars = " \t\n\r\f\v";
    if (args.count == 2 && !args[1].is_none()) {
        const std::string* given;
        if (!bytes_argument(vm, args[1], given))
            return NativeResult::raised();
        chars = *given;
    }
    BytesObject* self = self_bytes(args);
    const std::string& data = self->data;
    size_t begin = 0, end = data.size();
    if (which & 1)
        while (begin < end && chars.find(data[begin]) != std::string::npos)
            begin++;
    if (which & 2)
        while (end > begin && chars.find(data[end - 1]) != std::string::npos)
            end--;
    return NativeResult::of(new_bytes(vm, data.substr(begin, end - begin), self->bytearray));
}

NativeResult bytes_strip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "strip", 3); }
NativeResult bytes_lstrip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "lstrip", 1); }
NativeResult bytes_rstrip(Interpreter& vm, Thread&, Value, CallArgs args) { return strip_impl(vm, args, "rstrip", 2); }

NativeResult affix_impl(Interpreter& vm, CallArgs args, const char* name, bool at_start)
{
    if (!check_arity(vm, name, args, 2, 4))
        return NativeResult::raised();
    const std::string& data = self_bytes(args)->data;
    size_t begin, end;
    if (!bounds(vm, args, 2, data.size(), begin, end))
        return NativeResult::raised();
    std::string_view window = std::string_view(data).substr(begin, end - begin);
    std::vector<Value> candidates;
    if (auto* tuple = as<TupleObject>(args[1]))
        candidates = tuple->items;
    else
        candidates.push_back(args[1]);
    for (Value candidate : candidates) {
        const std::string* affix = bytes_of(candidate);
        if (!affix)
            return vm.raise(vm.types.type_error, std::string(name) + " first arg must be bytes or a tuple of bytes, not " + vm.type_name(candidate));
        bool match = affix->size() <= window.size() &&
                     window.compare(at_start ? 0 : window.size() - affix->size(), affix->size(), *affix) == 0;
        if (match)
            return NativeResult::of(Value::from_bool(true));
    }
    return NativeResult::of(Value::from_bool(false));
}

NativeResult bytes_startswith(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_impl(vm, args, "startswith", true); }
NativeResult bytes_endswith(Interpreter& vm, Thread&, Value, CallArgs args) { return affix_impl(vm, args, "endswith", false); }

NativeResult bytes_replace(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "replace", args, 3, 4))
        return NativeResult::raised();
    const std::string *old_part, *new_part;
    int64_t count = -1;
    if (!bytes_argument(vm, args[1], old_part) || !bytes_argument(vm, args[2], new_part) ||
        (args.count == 4 && !int_argument(vm, args[3], count)))
        return NativeResult::raised();
    BytesObject* self = self_bytes(args);
    const std::string& data = self->data;
    std::string out;
    size_t at = 0;
    for (int64_t done = 0; count < 0 || done < count; done++) {
        if (old_part->empty()) {
            // An empty pattern matches between every two bytes and at both ends.
            out += *new_part;
            if (at >= data.size())
                break;
            out += data[at++];
            continue;
        }
        size_t found = data.find(*old_part, at);
        if (found == std::string::npos)
            break;
        out.append(data, at, found - at);
        out += *new_part;
        at = found + old_part->size();
    }
    if (at < data.size())
        out.append(data, at, std::string::npos);
    return NativeResult::of(new_bytes(vm, std::move(out), self->bytearray));
}

// Only ASCII letters change case in bytes.
NativeResult map_case(Interpreter& vm, CallArgs args, const char* name, bool upper)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    BytesObject* self = self_bytes(args);
    std::string out = self->data;
    for (char& c : out)
        if (upper ? c >= 'a' && c <= 'z' : c >= 'A' && c <= 'Z')
            c = (char)(c ^ 0x20);
    return NativeResult::of(new_bytes(vm, std::move(out), self->bytearray));
}

NativeResult bytes_upper(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "upper", true); }
NativeResult bytes_lower(Interpreter& vm, Thread&, Value, CallArgs args) { return map_case(vm, args, "lower", false); }

template <bool (*test)(unsigned char)>
NativeResult test_bytes(Interpreter& vm, CallArgs args, const char* name)
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    const std::string& data = self_bytes(args)->data;
    bool all = !data.empty();
    for (char c : data)
        all = all && test((unsigned char)c);
    return NativeResult::of(Value::from_bool(all));
}

bool digit_byte(unsigned char c) { return c >= '0' && c <= '9'; }
bool alpha_byte(unsigned char c) { return (c | 0x20) >= 'a' && (c | 0x20) <= 'z'; }
bool space_byte(unsigned char c) { return is_ascii_space((char)c); }

NativeResult bytes_isdigit(Interpreter& vm, Thread&, Value, CallArgs args) { return test_bytes<digit_byte>(vm, args, "isdigit"); }
NativeResult bytes_isalpha(Interpreter& vm, Thread&, Value, CallArgs args) { return test_bytes<alpha_byte>(vm, args, "isalpha"); }
NativeResult bytes_isspace(Interpreter& vm, Thread&, Value, CallArgs args) { return test_bytes<space_byte>(vm, args, "isspace"); }

NativeResult bytes_hex(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "hex", args, {"sep", "bytes_per_sep"}))
        return NativeResult::raised();
    Value separator = argument(args, 1, "sep");
    Value group_value = argument(args, 2, "bytes_per_sep");
    std::string sep;
    if (!separator.is_empty()) {
        const StrObject* text = as<StrObject>(separator);
        const std::string* data = bytes_of(separator);
        if (!text && !data)
            return vm.raise(vm.types.type_error, "sep must be str or bytes.");
        sep = text ? text->text : *data;
        if (sep.size() != 1)
            return vm.raise(vm.types.value_error, "sep must be length 1.");
    }
    int64_t group = 1;
    if (!group_value.is_empty() && !int_argument(vm, group_value, group))
        return NativeResult::raised();
    const std::string& data = self_bytes(args)->data;
    // A positive group counts from the right, a negative one from the left, as CPython does.
    size_t size = group == 0 ? 0 : (size_t)(group < 0 ? -group : group);
    std::string out;
    for (size_t i = 0; i < data.size(); i++) {
        size_t from_edge = group > 0 ? data.size() - i : i;
        if (i > 0 && !sep.empty() && size > 0 && from_edge % size == 0)
            out += sep;
        out += hex_escape("%02x", (unsigned char)data[i]);
    }
    return NativeResult::of(vm.new_str(out));
}

// bytes.fromhex(text) and bytearray.fromhex(text) (data: the class).
NativeResult bytes_fromhex(Interpreter& vm, Thread&, Value cls, CallArgs args)
{
    if (!check_arity(vm, "fromhex", args, 1, 1))
        return NativeResult::raised();
    const StrObject* text;
    if (!str_argument(vm, args[0], "fromhex() argument", text))
        return NativeResult::raised();
    auto digit = [](char c) {
        if (c >= '0' && c <= '9') return c - '0';
        if ((c | 0x20) >= 'a' && (c | 0x20) <= 'f') return (c | 0x20) - 'a' + 10;
        return -1;
    };
    std::string out;
    const std::string& s = text->text;
    for (size_t i = 0; i < s.size();) {
        if (is_ascii_space(s[i])) {
            i++;
            continue;
        }
        int high = digit(s[i]);
        int low = i + 1 < s.size() ? digit(s[i + 1]) : -1;
        if (high < 0 || low < 0) {
            size_t position = high < 0 ? i : i + 1;
            return vm.raise(vm.types.value_error, "non-hexadecimal number found in fromhex() arg at position " + std::to_string(position));
        }
        out += (char)(high * 16 + low);
        i += 2;
    }
    return NativeResult::of(new_bytes(vm, std::move(out), as<ClassObject>(cls) == vm.types.bytearray));
}

// --- bytearray's mutation ---

NativeResult bytearray_append(Interpreter& vm, Thread&, Value, CallArgs args)
{
    unsigned char byte;
    if (!check_arity(vm, "append", args, 2, 2) || !byte_value(vm, args[1], byte))
        return NativeResult::raised();
    self_bytes(args)->data += (char)byte;
    return NativeResult::of(Value::none());
}

NativeResult bytearray_extend(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "extend", args, 2, 2))
        return NativeResult::raised();
    NativeResult retried;
    if (retry_with_lists(vm, vm.get_attr(args[0], "extend"), CallArgs{args.values + 1, 1, nullptr, 0}, 1, retried))
        return retried;
    std::string data;
    if (!collect_bytes(vm, args[1], data))
        return NativeResult::raised();
    self_bytes(args)->data += data;
    return NativeResult::of(Value::none());
}

NativeResult bytearray_insert(Interpreter& vm, Thread&, Value, CallArgs args)
{
    int64_t index;
    unsigned char byte;
    if (!check_arity(vm, "insert", args, 3, 3) || !int_argument(vm, args[1], index) || !byte_value(vm, args[2], byte))
        return NativeResult::raised();
    std::string& data = self_bytes(args)->data;
    if (index < 0)
        index = std::max<int64_t>(0, index + (int64_t)data.size());
    data.insert(std::min((size_t)index, data.size()), 1, (char)byte);
    return NativeResult::of(Value::none());
}

NativeResult bytearray_pop(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "pop", args, 1, 2))
        return NativeResult::raised();
    std::string& data = self_bytes(args)->data;
    if (data.empty())
        return vm.raise(vm.types.index_error, "pop from empty bytearray");
    int64_t index = -1;
    if (args.count == 2 && !int_argument(vm, args[1], index))
        return NativeResult::raised();
    if (index < 0)
        index += (int64_t)data.size();
    if (index < 0 || index >= (int64_t)data.size())
        return vm.raise(vm.types.index_error, "pop index out of range");
    unsigned char byte = (unsigned char)data[(size_t)index];
    data.erase((size_t)index, 1);
    return NativeResult::of(Value::from_int(byte));
}

NativeResult bytearray_remove(Interpreter& vm, Thread&, Value, CallArgs args)
{
    unsigned char byte;
    if (!check_arity(vm, "remove", args, 2, 2) || !byte_value(vm, args[1], byte))
        return NativeResult::raised();
    std::string& data = self_bytes(args)->data;
    size_t at = data.find((char)byte);
    if (at == std::string::npos)
        return vm.raise(vm.types.value_error, "value not found in bytearray");
    data.erase(at, 1);
    return NativeResult::of(Value::none());
}

NativeResult bytearray_clear(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "clear", args, 1, 1))
        return NativeResult::raised();
    self_bytes(args)->data.clear();
    return NativeResult::of(Value::none());
}

NativeResult bytearray_reverse(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "reverse", args, 1, 1))
        return NativeResult::raised();
    std::string& data = self_bytes(args)->data;
    std::reverse(data.begin(), data.end());
    return NativeResult::of(Value::none());
}

NativeResult bytearray_copy(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "copy", args, 1, 1))
        return NativeResult::raised();
    return NativeResult::of(new_bytes(vm, self_bytes(args)->data, true));
}

// ---------------------------------------------------------------------------------------------
// 5. int.to_bytes(length=1, byteorder='big', *, signed=False) and int.from_bytes
// ---------------------------------------------------------------------------------------------

bool byteorder_argument(Interpreter& vm, Value v, bool& little)
{
    if (v.is_empty()) {
        little = false;
        return true;
    }
    const StrObject* order;
    if (!str_argument(vm, v, "to_bytes() argument 'byteorder'", order))
        return false;
    if (order->text != "little" && order->text != "big") {
        vm.fail(vm.types.value_error, "byteorder must be either 'little' or 'big'");
        return false;
    }
    little = order->text == "little";
    return true;
}

NativeResult int_to_bytes(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "to_bytes", args, {"length", "byteorder", "signed"}))
        return NativeResult::raised();
    if (args.positional_count() > 3)
        return vm.raise(vm.types.type_error, "to_bytes() takes at most 2 positional arguments (" + std::to_string(args.positional_count() - 1) + " given)");
    Value length_value = argument(args, 1, "length");
    int64_t length = 1;
    bool little;
    if ((!length_value.is_empty() && !int_argument(vm, length_value, length)) || !byteorder_argument(vm, argument(args, 2, "byteorder"), little))
        return NativeResult::raised();
    Value signed_value = args.keyword("signed");
    bool is_signed = !signed_value.is_empty() && vm.truthy(signed_value);
    if (length < 0)
        return vm.raise(vm.types.value_error, "length argument must be non-negative");
    BigInt n = to_big(args[0]);
    if (n < 0 && !is_signed)
        return vm.raise(vm.types.overflow_error, "can't convert negative int to unsigned");
    if ((uint64_t)length > kMaxIntBits / 8 * 4)
        return vm.raise(vm.types.overflow_error, "int too big to convert");
    const unsigned bits = 8 * (unsigned)length;
    BigInt limit = BigInt(1) << bits;
    BigInt low = is_signed ? -(limit >> 1) : BigInt(0);
    BigInt high = is_signed ? (limit >> 1) : limit;
    if (n < low || n >= high)
        return vm.raise(vm.types.overflow_error, "int too big to convert");
    if (n < 0)
        n += limit;  // two's complement in `length` bytes
    std::string out((size_t)length, '\0');
    for (size_t i = 0; i < (size_t)length; i++) {
        unsigned char byte = (unsigned char)(n & 0xFF);
        n >>= 8;
        out[little ? i : (size_t)length - 1 - i] = (char)byte;
    }
    return NativeResult::of(new_bytes(vm, std::move(out)));
}

NativeResult int_from_bytes(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "from_bytes", args, {"bytes", "byteorder", "signed"}))
        return NativeResult::raised();
    Value source = argument(args, 0, "bytes");
    if (source.is_empty())
        return vm.raise(vm.types.type_error, "from_bytes() missing required argument 'bytes' (pos 1)");
    bool little;
    if (!byteorder_argument(vm, argument(args, 1, "byteorder"), little))
        return NativeResult::raised();
    Value signed_value = args.keyword("signed");
    bool is_signed = !signed_value.is_empty() && vm.truthy(signed_value);
    std::string data;
    if (as<StrObject>(source))
        return vm.raise(vm.types.type_error, "cannot convert 'str' object to bytes");
    if (!collect_bytes(vm, source, data))
        return NativeResult::raised();
    if (data.size() * 8 > kMaxIntBits)
        return vm.raise(vm.types.overflow_error, "int too big to convert");
    BigInt n = 0;
    for (size_t i = 0; i < data.size(); i++) {
        n <<= 8;
        n |= (unsigned char)data[little ? data.size() - 1 - i : i];
    }
    if (is_signed && !data.empty() && (n >> (8 * data.size() - 1)) != 0)
        n -= BigInt(1) << (8 * data.size());
    Value result = make_int(vm, n);
    return result.is_empty() ? NativeResult::raised() : NativeResult::of(result);
}

} // namespace

// ---------------------------------------------------------------------------------------------
// 6. install_bytes
// ---------------------------------------------------------------------------------------------

void install_bytes(Interpreter& vm)
{
    BuiltinTypes& t = vm.types;
    for (ClassObject** cls : {&t.bytes, &t.bytearray}) {
        *cls = vm.new_class(cls == &t.bytes ? "bytes" : "bytearray", t.object, "builtins");
        (*cls)->is_builtin = true;
        (*cls)->constructor = construct_bytes;
    }
    auto exception = [&](const char* name, ClassObject* base) {
        ClassObject* cls = vm.new_class(name, base, "builtins");
        cls->is_exception = true;
        return cls;
    };
    t.unicode_error = exception("UnicodeError", t.value_error);
    t.unicode_encode_error = exception("UnicodeEncodeError", t.unicode_error);
    t.unicode_decode_error = exception("UnicodeDecodeError", t.unicode_error);

    struct MethodDef {
        const char* name;
        NativeFunction function;
    };
    static constexpr MethodDef kShared[] = {
        {"decode", bytes_decode}, {"hex", bytes_hex}, {"join", bytes_join}, {"split", bytes_split}, {"rsplit", bytes_rsplit},
        {"strip", bytes_strip}, {"lstrip", bytes_lstrip}, {"rstrip", bytes_rstrip}, {"startswith", bytes_startswith},
        {"endswith", bytes_endswith}, {"find", bytes_find}, {"rfind", bytes_rfind}, {"index", bytes_index},
        {"rindex", bytes_rindex}, {"count", bytes_count}, {"replace", bytes_replace}, {"upper", bytes_upper},
        {"lower", bytes_lower}, {"isdigit", bytes_isdigit}, {"isalpha", bytes_isalpha}, {"isspace", bytes_isspace},
    };
    static constexpr MethodDef kBytearray[] = {
        {"append", bytearray_append}, {"extend", bytearray_extend}, {"insert", bytearray_insert}, {"pop", bytearray_pop},
        {"remove", bytearray_remove}, {"clear", bytearray_clear}, {"reverse", bytearray_reverse}, {"copy", bytearray_copy},
    };
    for (ClassObject* cls : {t.bytes, t.bytearray}) {
        for (const MethodDef& m : kShared)
            vm.add_method(cls, m.name, m.function);
        NativeObject* fromhex = vm.new_native("fromhex", bytes_fromhex, Value::from_object(cls));
        fromhex->owner = cls;
        vm.set_attr(cls->attrs, "fromhex", new_staticmethod(vm, Value::from_object(fromhex)));
    }
    for (const MethodDef& m : kBytearray)
        vm.add_method(t.bytearray, m.name, m.function);
    vm.add_method(t.str, "encode", str_encode);
    vm.add_method(t.int_type, "to_bytes", int_to_bytes);
    NativeObject* from_bytes = vm.new_native("from_bytes", int_from_bytes);
    from_bytes->owner = t.int_type;
    vm.set_attr(t.int_type->attrs, "from_bytes", new_staticmethod(vm, Value::from_object(from_bytes)));
}

} // namespace python

// Text forms of values. Sections:
//   1. repr() and str() of built-in values
//   2. format(value, spec): the format-spec mini-language (f-strings, str.format)
//   3. "%" formatting (printf style, as logging uses)
//   4. str.format
#include "python/interpreter.h"
#include "python/bigint.h"
#include "python/bytes.h"
#include "lang/repr.h"
#include "lang/utf8.h"
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstdio>

namespace python {

// ---------------------------------------------------------------------------------------------
// 1. repr() and str()
// ---------------------------------------------------------------------------------------------

// CPython shows an address; a heap id is this process's stable equivalent.
static std::string address(const Object* object)
{
    char buffer[32];
    snprintf(buffer, sizeof buffer, "0x%x", object->id);
    return buffer;
}

static std::string class_path(const ClassObject* cls)
{
    return cls->module_name == "builtins" ? cls->qualname : cls->module_name + "." + cls->qualname;
}

namespace {

// Containers that are being printed, so that a list containing itself prints as [...].
struct ReprWriter {
    Interpreter& vm;
    std::vector<const Object*> active;

    std::string sequence(const std::vector<Value>& items, const char* open, const char* close, bool tuple)
    {
        std::string out = open;
        for (size_t i = 0; i < items.size() && vm.pending.is_empty(); i++) {
            if (i)
                out += ", ";
            out += repr(items[i]);
        }
        if (tuple && items.size() == 1)
            out += ",";
        return out + close;
    }

    std::string repr(Value v)
    {
        switch (v.kind) {
        case ValueKind::Empty: return "<NULL>";
        case ValueKind::None: return "None";
        case ValueKind::Bool: return v.boolean ? "True" : "False";
        case ValueKind::Int: return std::to_string(v.integer);
        case ValueKind::Float: return lang::float_repr(v.real);
        case ValueKind::Object: break;
        }
        Object* o = v.object;
        bool container = o->kind == ObjectKind::List || o->kind == ObjectKind::Tuple || o->kind == ObjectKind::Dict ||
                         o->kind == ObjectKind::DictView || o->kind == ObjectKind::Set;
        NativeNesting nesting(vm, "while getting the repr of an object");
        if (!nesting.ok())
            return "";
        if (container) {
            for (const Object* seen : active)
                if (seen == o)
                    return o->kind == ObjectKind::List ? "[...]" : o->kind == ObjectKind::Dict ? "{...}" : "(...)";
            active.push_back(o);
        }
        std::string out = object_repr(o);
        if (container)
            active.pop_back();
        return out;
    }

    std::string dict_items(const Table& table)
    {
        std::string out;
        for (const TableEntry& e : table.entries) {
            if (e.key.is_empty())
                continue;
            if (!vm.pending.is_empty())
                break;
            if (!out.empty())
                out += ", ";
            out += repr(e.key) + ": " + repr(e.value);
        }
        return out;
    }

    std::string object_repr(Object* o)
    {
        switch (o->kind) {
        case ObjectKind::Str:
            return lang::str_repr(static_cast<StrObject*>(o)->text);
        case ObjectKind::Bytes: {
            auto* b = static_cast<BytesObject*>(o);
            return b->bytearray ? lang::bytearray_repr(b->data) : lang::bytes_repr(b->data);
        }
        case ObjectKind::BigInt: {
            // Past the digit limit this raises ValueError; the native that asked for the text
            // sees vm.pending set and raises it.
            std::string digits;
            int_to_decimal(vm, Value::from_object(o), digits);
            return digits;
        }
        case ObjectKind::List:
            return sequence(static_cast<ListObject*>(o)->items, "[", "]", false);
        case ObjectKind::Tuple:
            return sequence(static_cast<TupleObject*>(o)->items, "(", ")", true);
        case ObjectKind::Dict:
            return "{" + dict_items(static_cast<DictObject*>(o)->table) + "}";
        case ObjectKind::Set: {
            auto* set = static_cast<SetObject*>(o);
            std::vector<Value> keys;
            for (const SetSlot& slot : set->table.slots)
                if (!slot.key.is_empty())
                    keys.push_back(slot.key);
            const char* name = set->frozen ? "frozenset" : "set";
            if (keys.empty())
                return std::string(name) + "()";
            std::string inner = sequence(keys, "{", "}", false);
            return set->frozen ? "frozenset(" + inner + ")" : inner;
        }
        case ObjectKind::Function:
            return "<function " + static_cast<FunctionObject*>(o)->qualname + " at " + address(o) + ">";
        case ObjectKind::Native: {
            auto* native = static_cast<NativeObject*>(o);
            if (native->owner)
                return std::string("<method '") + native->name + "' of '" + native->owner->name + "' objects>";
            return std::string("<built-in function ") + native->name + ">";
        }
        case ObjectKind::BoundMethod: {
            auto* method = static_cast<BoundMethodObject*>(o);
            if (auto* native = as<NativeObject>(method->function))
                return std::string("<built-in method ") + native->name + " of " + vm.type_name(method->self) + " object at " +
                       (method->self.is_object() ? address(method->self.object) : std::string("0x0")) + ">";
            auto* fn = as<FunctionObject>(method->function);
            return "<bound method " + (fn ? fn->qualname : std::string("?")) + " of " + repr(method->self) + ">";
        }
        case ObjectKind::Class:
            return "<class '" + class_path(static_cast<ClassObject*>(o)) + "'>";
        case ObjectKind::Instance: {
            auto* instance = static_cast<InstanceObject*>(o);
            if (instance->cls->is_exception) {
                Value* args = instance->attrs.find("args");
                auto* tuple = args ? as<TupleObject>(*args) : nullptr;
                std::string inner = tuple ? sequence(tuple->items, "(", ")", false) : "()";
                return instance->cls->qualname + inner;
            }
            if (instance->cls == vm.types.staticmethod || instance->cls == vm.types.classmethod) {
                Value* function = instance->attrs.find("__func__");
                return "<" + instance->cls->name + "(" + (function ? repr(*function) : std::string("?")) + ")>";
            }
            return "<" + class_path(instance->cls) + " object at " + address(o) + ">";
        }
        case ObjectKind::Module:
            return "<module '" + static_cast<ModuleObject*>(o)->name + "' (built-in)>";
        case ObjectKind::Cell:
            return "<cell at " + address(o) + ">";
        case ObjectKind::Code:
            return "<code object " + static_cast<CodeRefObject*>(o)->code->source->name + " at " + address(o) + ">";
        case ObjectKind::Range: {
            auto* range = static_cast<RangeObject*>(o);
            std::string out = "range(" + std::to_string(range->start) + ", " + std::to_string(range->stop);
            if (range->step != 1)
                out += ", " + std::to_string(range->step);
            return out + ")";
        }
        case ObjectKind::Iterator:
            return "<" + vm.type_of(Value::from_object(o))->name + " object at " + address(o) + ">";
        case ObjectKind::Generator: {
            auto* generator = static_cast<GeneratorObject*>(o);
            return std::string(generator->coroutine ? "<coroutine" : "<generator") + " object " + generator->code->source->qualname +
                   " at " + address(o) + ">";
        }
        case ObjectKind::Slice: {
            auto* slice = static_cast<SliceObject*>(o);
            return "slice(" + repr(slice->start) + ", " + repr(slice->stop) + ", " + repr(slice->step) + ")";
        }
        case ObjectKind::Super: {
            auto* super = static_cast<SuperObject*>(o);
            return "<super: <class '" + super->cls->name + "'>, <" + vm.type_name(super->self) + " object>>";
        }
        case ObjectKind::DictView: {
            auto* view = static_cast<DictViewObject*>(o);
            std::string items;
            for (const TableEntry& e : view->dict->table.entries) {
                if (e.key.is_empty())
                    continue;
                if (!items.empty())
                    items += ", ";
                if (view->view == DictViewKind::Keys)
                    items += repr(e.key);
                else if (view->view == DictViewKind::Values)
                    items += repr(e.value);
                else
                    items += "(" + repr(e.key) + ", " + repr(e.value) + ")";
            }
            return vm.type_of(Value::from_object(o))->name + "([" + items + "])";
        }
        }
        return "<object>";
    }
};

} // namespace

std::string Interpreter::repr(Value v)
{
    ReprWriter writer{*this, {}};
    return writer.repr(v);
}

// ---------------------------------------------------------------------------------------------
// 2. format(value, spec)
// ---------------------------------------------------------------------------------------------

namespace {

struct FormatSpec {
    std::string fill = " ";
    bool fill_specified = false;
    char align = 0;      // < > ^ =
    char sign = 0;       // + - space
    bool alternate = false;
    bool zero = false;
    int width = -1;
    char grouping = 0;   // , or _
    int precision = -1;
    char type = 0;
    bool too_large = false;  // the width or precision does not fit in an int
};

// Reads the decimal number at text[i] on ("12" of "12.5f") and moves i past its digits; false
// when it passes `limit`. Widths, precisions and field names all read their digits here.
bool read_decimal(std::string_view text, size_t& i, int64_t limit, int64_t& n)
{
    n = 0;
    while (i < text.size() && text[i] >= '0' && text[i] <= '9') {
        int digit = text[i++] - '0';
        if (n > (limit - digit) / 10)
            return false;
        n = n * 10 + digit;
    }
    return true;
}

bool is_align(char c) { return c == '<' || c == '>' || c == '^' || c == '='; }

// Parses a format spec as CPython's parse_internal_render_format_spec does; "" when it is
// well formed, else the message of the ValueError. default_type is what a spec without a type
// means for this kind of value ('s' for str, 'd' for int, 0 for float): the thousands separator
// is checked against it.
std::string parse_spec(std::string_view spec, const std::string& type_name, char default_type, FormatSpec& out)
{
    size_t i = 0;
    if (!spec.empty()) {
        size_t after_first = 0;
        lang::decode_utf8(spec, after_first);
        if (after_first < spec.size() && is_align(spec[after_first])) {
            out.fill = std::string(spec.substr(0, after_first));
            out.fill_specified = true;
            out.align = spec[after_first];
            i = after_first + 1;
        } else if (is_align(spec[0])) {
            out.align = spec[0];
            i = 1;
        }
    }
    if (i < spec.size() && (spec[i] == '+' || spec[i] == '-' || spec[i] == ' '))
        out.sign = spec[i++];
    if (i < spec.size() && spec[i] == '#') {
        out.alternate = true;
        i++;
    }
    if (i < spec.size() && spec[i] == '0') {
        out.zero = true;
        i++;
    }
    // Past Py_ssize_t a number is refused, as in CPython; past an int (2 GiB of padding, more
    // than a process can hold) it is kept as too_large, and formatting fails with MemoryError.
    auto number = [&](int& target) {
        if (i >= spec.size() || spec[i] < '0' || spec[i] > '9')
            return true;
        int64_t n;
        if (!read_decimal(spec, i, INT64_MAX, n))
            return false;
        out.too_large = out.too_large || n > INT_MAX;
        target = (int)std::min<int64_t>(n, INT_MAX);
        return true;
    };
    if (!number(out.width))
        return "Too many decimal digits in format string";
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_'))
        out.grouping = spec[i++];
    if (i < spec.size() && (spec[i] == ',' || spec[i] == '_'))
        return "Cannot specify both ',' and '_'.";
    if (i < spec.size() && spec[i] == '.') {
        i++;
        if (!number(out.precision))
            return "Too many decimal digits in format string";
        if (out.precision < 0)
            return "Format specifier missing precision";
    }
    if (i + 1 < spec.size())
        return "Invalid format specifier '" + std::string(spec) + "' for object of type '" + type_name + "'";
    if (i < spec.size())
        out.type = spec[i++];
    char type = out.type ? out.type : default_type;
    bool grouping_allowed = std::string_view("defgEG%F").find(type) != std::string_view::npos || type == 0 ||
                            (out.grouping == '_' && std::string_view("boxX").find(type) != std::string_view::npos);
    if (out.grouping && !grouping_allowed)
        return std::string("Cannot specify '") + out.grouping + "' with '" + type + "'.";
    return "";
}

size_t code_points(std::string_view text)
{
    size_t n = 0;
    for (char c : text)
        if (!lang::is_utf8_continuation(c))
            n++;
    return n;
}

std::string repeat(const std::string& fill, size_t count)
{
    std::string out;
    for (size_t i = 0; i < count; i++)
        out += fill;
    return out;
}

// Pads `body` to the width; `sign_part` (sign and 0x prefix) stays in front of '=' padding.
std::string pad(const FormatSpec& spec, std::string sign_part, std::string body, char default_align)
{
    // The '0' flag pads with zeros (after the sign for numbers) unless a fill is given.
    char align = spec.align ? spec.align : (spec.zero && default_align == '>' ? '=' : default_align);
    std::string fill = spec.fill_specified || !spec.zero ? spec.fill : "0";
    size_t length = code_points(sign_part) + code_points(body);
    if (spec.width < 0 || (size_t)spec.width <= length)
        return sign_part + body;
    size_t missing = (size_t)spec.width - length;
    switch (align) {
    case '<': return sign_part + body + repeat(fill, missing);
    case '^': return repeat(fill, missing / 2) + sign_part + body + repeat(fill, missing - missing / 2);
    case '=': return sign_part + repeat(fill, missing) + body;
    default: return repeat(fill, missing) + sign_part + body;
    }
}

std::string group_digits(const std::string& digits, char separator, size_t every)
{
    if (!separator)
        return digits;
    std::string out;
    size_t count = 0;
    for (size_t i = digits.size(); i-- > 0;) {
        out.insert(out.begin(), digits[i]);
        if (++count % every == 0 && i > 0)
            out.insert(out.begin(), separator);
    }
    return out;
}

std::string sign_of(bool negative, char sign)
{
    if (negative)
        return "-";
    if (sign == '+')
        return "+";
    if (sign == ' ')
        return " ";
    return "";
}

// The digits of a float in C's %e/%f/%g style with Python's extras (no trailing dot, inf/nan).
std::string float_body(double magnitude, char type, int precision, bool alternate)
{
    if (std::isinf(magnitude))
        return (type >= 'A' && type <= 'Z') ? "INF" : "inf";
    if (std::isnan(magnitude))
        return (type >= 'A' && type <= 'Z') ? "NAN" : "nan";
    char buffer[512];
    char conversion = type == 'F' ? 'f' : type;
    char format[16];
    snprintf(format, sizeof format, alternate ? "%%#.*%c" : "%%.*%c", conversion);
    snprintf(buffer, sizeof buffer, format, precision, magnitude);
    return buffer;
}

// A float formatted without a type but with a precision: as 'g', except that it switches to
// scientific notation when the exponent reaches precision - 1 and that fixed notation keeps a
// digit after the point (format(1.0, '.1') is '1e+00', format(0.5, '.1') is '0.5').
std::string float_body_no_type(double magnitude, int precision, bool alternate)
{
    if (!std::isfinite(magnitude))
        return float_body(magnitude, 'g', precision, alternate);
    std::string scientific = float_body(magnitude, 'e', precision - 1, alternate);
    int exponent = std::atoi(scientific.c_str() + scientific.find('e') + 1);
    if (exponent < -4 || exponent >= precision - 1) {
        if (alternate)
            return scientific;
        size_t e = scientific.find('e');
        std::string mantissa = scientific.substr(0, e);
        if (mantissa.find('.') != std::string::npos) {
            mantissa.erase(mantissa.find_last_not_of('0') + 1);
            if (mantissa.back() == '.')
                mantissa.pop_back();
        }
        return mantissa + scientific.substr(e);
    }
    std::string fixed = float_body(magnitude, 'g', precision, alternate);
    return fixed.find('.') == std::string::npos ? fixed + ".0" : fixed;
}

// A number's digits grouped by `separator`. When the spec pads with zeros after the sign, the
// zeros are digits too and take separators, as CPython's do: format(3, '010,') is '00,000,003'.
std::string grouped_digits_padded(const FormatSpec& spec, size_t other_length, std::string digits, char separator, size_t every)
{
    if (!separator)
        return digits;
    bool zero_padded = spec.zero && !spec.fill_specified && (!spec.align || spec.align == '=');
    bool zero_filled = spec.fill_specified && spec.fill == "0" && spec.align == '=';
    if ((!zero_padded && !zero_filled) || spec.width < 0 || other_length >= (size_t)spec.width)
        return group_digits(digits, separator, every);
    // The fewest digits n whose grouped length, n + (n - 1) / every, reaches the width.
    size_t target = (size_t)spec.width - other_length;
    size_t n = std::max(digits.size(), target - target / (every + 1));
    while (n + (n - 1) / every < target)
        n++;
    digits.insert(0, n - digits.size(), '0');
    return group_digits(digits, separator, every);
}

} // namespace

bool Interpreter::format_value(Value v, std::string_view spec_text, std::string& out)
{
    FormatSpec spec;
    ClassObject* type = type_of(v);
    auto* str_value = as<StrObject>(v);
    char default_type = str_value ? 's' : is_int(v) ? 'd' : 0;
    if (std::string problem = parse_spec(spec_text, type->name, default_type, spec); !problem.empty()) {
        fail(types.value_error, problem);
        return false;
    }
    if (spec.too_large) {
        fail(types.memory_error, "");
        return false;
    }
    if (spec.width > 0 && !reserve((uint64_t)spec.width * spec.fill.size()))
        return false;
    auto refuse = [&](std::string message) {
        fail(types.value_error, std::move(message));
        return false;
    };
    auto unknown_code = [&]() {
        return refuse(std::string("Unknown format code '") + spec.type + "' for object of type '" + type->name + "'");
    };
    if (str_value) {
        if (spec.type && spec.type != 's')
            return unknown_code();
        if (spec.sign)
            return refuse(spec.sign == ' ' ? "Space not allowed in string format specifier" : "Sign not allowed in string format specifier");
        if (spec.alternate)
            return refuse("Alternate form (#) not allowed in string format specifier");
        if (spec.align == '=')
            return refuse("'=' alignment not allowed in string format specifier");
        std::string text = str_value->text;
        if (spec.precision >= 0 && code_points(text) > (size_t)spec.precision) {
            size_t at = 0;
            for (int n = 0; n < spec.precision; n++)
                lang::decode_utf8(text, at);
            text.resize(at);
        }
        out = pad(spec, "", text, '<');
        return true;
    }
    bool is_float_type = spec.type && std::string_view("eEfFgG%").find(spec.type) != std::string_view::npos;
    if (is_int(v) && !is_float_type) {
        if (v.is_bool() && !spec.type && spec_text.empty()) {
            out = v.boolean ? "True" : "False";
            return true;
        }
        if (spec.type && std::string_view("bcdoxXn").find(spec.type) == std::string_view::npos)
            return unknown_code();
        if (spec.precision >= 0)
            return refuse("Precision not allowed in integer format specifier");
        bool negative = int_is_negative(v);
        std::string prefix, digits;
        switch (spec.type) {
        case 0: case 'd': case 'n': {
            std::string decimal;
            if (!int_to_decimal(*this, v, decimal))
                return false;
            digits = negative ? decimal.substr(1) : decimal;
            break;
        }
        case 'x': case 'X':
            digits = int_magnitude_digits(v, 16, spec.type == 'X');
            prefix = spec.alternate ? (spec.type == 'X' ? "0X" : "0x") : "";
            break;
        case 'o':
            digits = int_magnitude_digits(v, 8, false);
            prefix = spec.alternate ? "0o" : "";
            break;
        case 'b':
            digits = int_magnitude_digits(v, 2, false);
            prefix = spec.alternate ? "0b" : "";
            break;
        default: {  // 'c'
            if (spec.sign)
                return refuse("Sign not allowed with integer format specifier 'c'");
            if (spec.alternate)
                return refuse("Alternate form (#) not allowed with integer format specifier 'c'");
            if (!v.is_integral()) {
                fail(types.overflow_error, "Python int too large to convert to C long");
                return false;
            }
            int64_t n = v.as_integral();
            if (n < 0 || n > 0x10FFFF) {
                fail(types.overflow_error, "%c arg not in range(0x110000)");
                return false;
            }
            std::string ch;
            lang::append_utf8(ch, (uint32_t)n);
            out = pad(spec, "", ch, '>');
            return true;
        }
        }
        std::string lead = sign_of(negative, spec.sign) + prefix;
        bool decimal = spec.type == 0 || spec.type == 'd' || spec.type == 'n';
        digits = grouped_digits_padded(spec, lead.size(), digits, spec.grouping, decimal ? 3 : 4);
        out = pad(spec, lead, digits, '>');
        return true;
    }
    if (is_real(v)) {
        if (spec.type && !is_float_type && spec.type != 'n')
            return unknown_code();
        double x;
        if (!real_to_double(*this, v, x))
            return false;
        bool negative = std::signbit(x) && !std::isnan(x);
        double magnitude = std::fabs(x);
        std::string body;
        char t = spec.type;
        if (t == 0 && spec.precision < 0) {
            body = lang::float_repr(magnitude);
        } else if (t == 0) {
            body = float_body_no_type(magnitude, spec.precision == 0 ? 1 : spec.precision, spec.alternate);
        } else if (t == '%') {
            body = float_body(magnitude * 100, 'f', spec.precision < 0 ? 6 : spec.precision, spec.alternate) + "%";
        } else if (t == 'n') {
            body = float_body(magnitude, 'g', spec.precision < 0 ? 6 : spec.precision, spec.alternate);
        } else {
            body = float_body(magnitude, t, spec.precision < 0 ? 6 : spec.precision, spec.alternate);
        }
        std::string sign = sign_of(negative, spec.sign);
        if (spec.grouping && std::isfinite(magnitude)) {
            size_t end = body.find_first_of(".eE%");
            std::string tail = end == std::string::npos ? "" : body.substr(end);
            body = grouped_digits_padded(spec, code_points(sign) + code_points(tail), body.substr(0, end), spec.grouping, 3) + tail;
        }
        out = pad(spec, sign, body, '>');
        return true;
    }
    if (!spec_text.empty()) {
        fail(types.type_error, "unsupported format string passed to " + type->name + ".__format__");
        return false;
    }
    out = str(v);
    return true;
}

// ---------------------------------------------------------------------------------------------
// 3. "%" formatting
// ---------------------------------------------------------------------------------------------

Value Interpreter::percent_format(const StrObject* format, Value args)
{
    const std::string& f = format->text;
    std::vector<Value> values;
    auto* mapping = as<DictObject>(args);
    if (auto* tuple = as<TupleObject>(args))
        values = tuple->items;
    else if (!mapping)
        values.push_back(args);
    size_t next_value = 0;
    auto take = [&](Value& out) {
        if (next_value >= values.size()) {
            fail(types.type_error, "not enough arguments for format string");
            return false;
        }
        out = values[next_value++];
        return true;
    };
    std::string out;
    for (size_t i = 0; i < f.size(); i++) {
        if (f[i] != '%') {
            out += f[i];
            continue;
        }
        i++;
        size_t directive_start = i;
        Value value;
        bool have_value = false;
        if (i < f.size() && f[i] == '(') {
            size_t close = f.find(')', i);
            if (close == std::string::npos)
                return fail(types.value_error, "incomplete format key");
            if (!mapping)
                return fail(types.type_error, "format requires a mapping");
            Value* found = mapping->table.find(std::string_view(f).substr(i + 1, close - i - 1));
            if (!found)
                return fail(types.key_error, f.substr(i + 1, close - i - 1));
            value = *found;
            have_value = true;
            i = close + 1;
        }
        FormatSpec spec;
        for (; i < f.size() && std::string_view("-+ 0#").find(f[i]) != std::string_view::npos; i++) {
            if (f[i] == '-') spec.align = '<';
            else if (f[i] == '+') spec.sign = '+';
            else if (f[i] == ' ' && spec.sign != '+') spec.sign = ' ';
            else if (f[i] == '0') spec.zero = true;
            else spec.alternate = true;
        }
        auto number = [&](int& target) {
            if (i < f.size() && f[i] == '*') {
                Value star;
                if (!take(star))
                    return false;
                if (!star.is_integral()) {
                    fail(types.type_error, "* wants int");
                    return false;
                }
                // A '*' past what fits in memory is MemoryError, as CPython's allocation fails.
                int64_t n = star.as_integral();
                if (n > INT_MAX || n < -INT_MAX) {
                    fail(types.memory_error, "");
                    return false;
                }
                // A negative '*' width pads on the right, as the '-' flag does; a negative
                // precision is 0.
                if (n < 0 && &target == &spec.width) {
                    spec.align = '<';
                    n = -n;
                }
                n = std::max<int64_t>(n, 0);
                target = (int)n;
                i++;
                return true;
            }
            if (i < f.size() && f[i] >= '0' && f[i] <= '9') {
                int64_t n;
                if (!read_decimal(f, i, INT_MAX, n)) {
                    fail(types.value_error, &target == &spec.width ? "width too big" : "precision too big");
                    return false;
                }
                target = (int)n;
            }
            return true;
        };
        if (!number(spec.width))
            return Value::empty();
        if (i < f.size() && f[i] == '.') {
            i++;
            spec.precision = 0;
            if (!number(spec.precision))
                return Value::empty();
        }
        // Padding and %d's zeros are made at once: what cannot fit fails before it is made.
        if (!reserve((uint64_t)std::max({spec.width, spec.precision, 0}) + out.size()))
            return Value::empty();
        while (i < f.size() && (f[i] == 'h' || f[i] == 'l' || f[i] == 'L'))
            i++;
        if (i >= f.size())
            return fail(types.value_error, "incomplete format");
        char conversion = f[i];
        if (spec.align == '<')
            spec.zero = false;
        // "%%" is a literal '%'; with flags between, '%' is a conversion that takes an argument
        // and is refused, as in CPython.
        if (conversion == '%' && i == directive_start) {
            out += '%';
            continue;
        }
        if (!have_value && !take(value))
            return Value::empty();
        // Under the numeric conversions an IntEnum member is its int, as in CPython.
        if (Value n = carried_int(value); !n.is_empty() && conversion != 's' && conversion != 'r' && conversion != 'a')
            value = n;
        std::string piece;
        switch (conversion) {
        case 's': case 'r': case 'a': {
            std::string text = conversion == 's' ? str(value) : repr(value);
            if (spec.precision >= 0 && code_points(text) > (size_t)spec.precision) {
                size_t at = 0;
                for (int n = 0; n < spec.precision; n++)
                    lang::decode_utf8(text, at);
                text.resize(at);
            }
            spec.precision = -1;
            spec.zero = false;
            piece = pad(spec, "", text, '>');
            break;
        }
        case 'd': case 'i': case 'u': case 'x': case 'X': case 'o': {
            if (!is_real(value))
                return fail(types.type_error, std::string("%") + conversion + " format: " +
                                                  (conversion == 'd' || conversion == 'i' || conversion == 'u' ? "a real number" : "an integer") +
                                                  " is required, not " + type_name(value));
            if (value.is_float() && (conversion == 'x' || conversion == 'X' || conversion == 'o'))
                return fail(types.type_error, std::string("%") + conversion + " format: an integer is required, not float");
            if (value.is_float() && !std::isfinite(value.real))
                return fail(std::isnan(value.real) ? types.value_error : types.overflow_error,
                            std::isnan(value.real) ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer");
            Value integer = value.is_float() ? int_from_double(*this, value.real) : value;
            if (integer.is_empty())
                return integer;
            bool negative = int_is_negative(integer);
            int base = conversion == 'x' || conversion == 'X' ? 16 : conversion == 'o' ? 8 : 10;
            if (base == 10 && is_big_int(integer)) {
                std::string checked;  // the digit limit applies to %d as to str()
                if (!int_to_decimal(*this, integer, checked))
                    return Value::empty();
            }
            std::string digits = int_magnitude_digits(integer, base, conversion == 'X');
            if (spec.precision > (int)digits.size())
                digits.insert(0, (size_t)spec.precision - digits.size(), '0');
            std::string prefix = spec.alternate && conversion != 'd' && conversion != 'i' && conversion != 'u'
                                     ? (conversion == 'o' ? "0o" : conversion == 'x' ? "0x" : conversion == 'X' ? "0X" : "")
                                     : "";
            piece = pad(spec, sign_of(negative, spec.sign) + prefix, digits, '>');
            break;
        }
        case 'e': case 'E': case 'f': case 'F': case 'g': case 'G': {
            if (!is_real(value))
                return fail(types.type_error, "must be real number, not " + type_name(value));
            double x;
            if (!real_to_double(*this, value, x))
                return Value::empty();
            bool negative = std::signbit(x) && !std::isnan(x);
            std::string body = float_body(std::fabs(x), conversion, spec.precision < 0 ? 6 : spec.precision, spec.alternate);
            piece = pad(spec, sign_of(negative, spec.sign), body, '>');
            break;
        }
        case 'c': {
            std::string ch;
            if (auto* s = as<StrObject>(value); s && s->length == 1)
                ch = s->text;
            else if (is_int(value)) {
                if (!value.is_integral() || value.as_integral() < 0 || value.as_integral() > 0x10FFFF)
                    return fail(types.overflow_error, "%c arg not in range(0x110000)");
                lang::append_utf8(ch, (uint32_t)value.as_integral());
            } else
                return fail(types.type_error, "%c requires int or char");
            spec.zero = false;
            piece = pad(spec, "", ch, '>');
            break;
        }
        default: {
            char detail[96];
            snprintf(detail, sizeof detail, "unsupported format character '%c' (0x%x) at index %zu", conversion, (unsigned char)conversion, i);
            return fail(types.value_error, detail);
        }
        }
        out += piece;
    }
    if (next_value < values.size() && !mapping)
        return fail(types.type_error, "not all arguments converted during string formatting");
    return new_str(out);
}

// ---------------------------------------------------------------------------------------------
// 4. str.format
// ---------------------------------------------------------------------------------------------

Value Interpreter::str_format(std::string_view f, CallArgs args, uint32_t first)
{
    std::string out;
    int auto_index = 0;
    bool used_auto = false, used_manual = false;
    uint32_t positional = args.positional_count();
    for (size_t i = 0; i < f.size(); i++) {
        char c = f[i];
        if (c == '}') {
            if (i + 1 < f.size() && f[i + 1] == '}') {
                out += '}';
                i++;
                continue;
            }
            return fail(types.value_error, "Single '}' encountered in format string");
        }
        if (c != '{') {
            out += c;
            continue;
        }
        if (i + 1 < f.size() && f[i + 1] == '{') {
            out += '{';
            i++;
            continue;
        }
        // Find the matching '}' (format specs may nest one level of {}).
        size_t end = i + 1;
        int depth = 1;
        for (; end < f.size(); end++) {
            if (f[end] == '{') depth++;
            else if (f[end] == '}' && --depth == 0) break;
        }
        if (end >= f.size())
            return fail(types.value_error, "Single '{' encountered in format string");
        std::string_view field = f.substr(i + 1, end - i - 1);
        i = end;
        size_t spec_at = field.find(':');
        size_t conversion_at = field.find('!');
        if (conversion_at != std::string_view::npos && spec_at != std::string_view::npos && conversion_at > spec_at)
            conversion_at = std::string_view::npos;
        std::string_view name = field.substr(0, std::min(spec_at, conversion_at));
        char conversion = conversion_at != std::string_view::npos && conversion_at + 1 < field.size() ? field[conversion_at + 1] : 0;
        std::string spec = spec_at != std::string_view::npos ? std::string(field.substr(spec_at + 1)) : "";
        if (spec.find('{') != std::string::npos) {
            Value nested = str_format(spec, args, first);
            if (nested.is_empty())
                return nested;
            spec = as<StrObject>(nested)->text;
        }
        size_t part_end = name.find_first_of(".[");
        std::string_view head = name.substr(0, part_end);
        Value value;
        // A name of digits only is an index; "0a" is a keyword's name, as in CPython.
        int64_t number;
        size_t digits_end = 0;
        if (!read_decimal(head, digits_end, INT64_MAX, number))
            return fail(types.value_error, "Too many decimal digits in format string");
        if (digits_end == head.size()) {
            int index;
            if (head.empty()) {
                if (used_manual)
                    return fail(types.value_error, "cannot switch from manual field specification to automatic field numbering");
                used_auto = true;
                index = auto_index++;
            } else {
                if (used_auto)
                    return fail(types.value_error, "cannot switch from automatic field numbering to manual field specification");
                used_manual = true;
                index = (int)std::min<int64_t>(number, INT32_MAX);
            }
            if ((uint32_t)index + first >= positional)
                return fail(types.index_error, "Replacement index " + std::to_string(index) + " out of range for positional args tuple");
            value = args[(uint32_t)index + first];
        } else {
            value = args.keyword(head);
            if (value.is_empty())
                return fail(types.key_error, std::string(head));
        }
        while (part_end != std::string_view::npos && part_end < name.size()) {
            if (name[part_end] == '.') {
                size_t next = name.find_first_of(".[", part_end + 1);
                value = get_attr(value, name.substr(part_end + 1, next == std::string_view::npos ? std::string_view::npos : next - part_end - 1));
                part_end = next;
            } else {
                size_t close = name.find(']', part_end);
                std::string_view key = name.substr(part_end + 1, close - part_end - 1);
                // Digits only are an int key; digits past Py_ssize_t are refused even when
                // letters follow ("[99999999999999999999x]"), as CPython's get_integer does.
                int64_t index;
                size_t digits_end = 0;
                if (!read_decimal(key, digits_end, INT64_MAX, index))
                    return fail(types.value_error, "Too many decimal digits in format string");
                bool numeric = !key.empty() && digits_end == key.size();
                value = get_item(value, numeric ? Value::from_int(index) : new_str(key));
                part_end = close == std::string_view::npos ? close : close + 1;
            }
            if (value.is_empty())
                return value;
        }
        std::string text;
        if (conversion == 'r' || conversion == 'a')
            value = new_str(repr(value));
        else if (conversion == 's')
            value = new_str(str(value));
        if (!format_value(value, spec, text))
            return Value::empty();
        out += text;
    }
    return new_str(out);
}

} // namespace python

// The `math` module: the functions and constants a lesson computes with.
#include "python/native.h"
#include "python/bigint.h"
#include <cmath>

namespace python {

namespace {

bool real_argument(Interpreter& vm, Value v, double& out)
{
    if (!is_real(v)) {
        vm.fail(vm.types.type_error, "must be real number, not " + vm.type_name(v));
        return false;
    }
    return real_to_double(vm, v, out);
}

// math functions of one real argument; `data` indexes kUnary.
struct UnaryDef {
    const char* name;
    double (*function)(double);
    bool (*valid)(double);  // domain check: false raises "math domain error"
};

bool any_value(double) { return true; }
bool non_negative(double x) { return x >= 0; }
bool positive(double x) { return x > 0; }
bool unit_interval(double x) { return x >= -1 && x <= 1; }

double sqrt_of(double x) { return std::sqrt(x); }
double exp_of(double x) { return std::exp(x); }
double log2_of(double x) { return std::log2(x); }
double log10_of(double x) { return std::log10(x); }
double sin_of(double x) { return std::sin(x); }
double cos_of(double x) { return std::cos(x); }
double tan_of(double x) { return std::tan(x); }
double asin_of(double x) { return std::asin(x); }
double acos_of(double x) { return std::acos(x); }
double atan_of(double x) { return std::atan(x); }
double fabs_of(double x) { return std::fabs(x); }

constexpr UnaryDef kUnary[] = {
    {"sqrt", sqrt_of, non_negative}, {"exp", exp_of, any_value}, {"log2", log2_of, positive},
    {"log10", log10_of, positive}, {"sin", sin_of, any_value}, {"cos", cos_of, any_value},
    {"tan", tan_of, any_value}, {"asin", asin_of, unit_interval}, {"acos", acos_of, unit_interval},
    {"atan", atan_of, any_value}, {"fabs", fabs_of, any_value},
};

NativeResult math_unary(Interpreter& vm, Thread&, Value data, CallArgs args)
{
    const UnaryDef& def = kUnary[data.integer];
    if (!check_arity(vm, def.name, args, 1, 1))
        return NativeResult::raised();
    double x;
    if (!real_argument(vm, args[0], x))
        return NativeResult::raised();
    if (!def.valid(x))
        return vm.raise(vm.types.value_error, "math domain error");
    double r = def.function(x);
    if (std::isinf(r) && std::isfinite(x))
        return vm.raise(vm.types.overflow_error, "math range error");
    return NativeResult::of(Value::from_float(r));
}

// floor, ceil, trunc: an int, as Python 3 returns.
NativeResult rounding(Interpreter& vm, CallArgs args, const char* name, double (*round)(double))
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    if (is_int(args[0]))
        return NativeResult::of(args[0].is_bool() ? Value::from_int(args[0].as_integral()) : args[0]);
    double x;
    if (!real_argument(vm, args[0], x))
        return NativeResult::raised();
    if (std::isnan(x))
        return vm.raise(vm.types.value_error, "cannot convert float NaN to integer");
    double r = round(x);
    if (!std::isfinite(r))
        return vm.raise(vm.types.overflow_error, "cannot convert float infinity to integer");
    return NativeResult::of(int_from_double(vm, r));
}

double floor_of(double x) { return std::floor(x); }
double ceil_of(double x) { return std::ceil(x); }
double trunc_of(double x) { return std::trunc(x); }

NativeResult math_floor(Interpreter& vm, Thread&, Value, CallArgs args) { return rounding(vm, args, "floor", floor_of); }
NativeResult math_ceil(Interpreter& vm, Thread&, Value, CallArgs args) { return rounding(vm, args, "ceil", ceil_of); }
NativeResult math_trunc(Interpreter& vm, Thread&, Value, CallArgs args) { return rounding(vm, args, "trunc", trunc_of); }

NativeResult math_log(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "log", args, 1, 2))
        return NativeResult::raised();
    double x, base = 0;
    if (!real_argument(vm, args[0], x) || (args.count == 2 && !real_argument(vm, args[1], base)))
        return NativeResult::raised();
    if (x <= 0 || (args.count == 2 && (base <= 0 || base == 1)))
        return vm.raise(vm.types.value_error, "math domain error");
    return NativeResult::of(Value::from_float(args.count == 2 ? std::log(x) / std::log(base) : std::log(x)));
}

NativeResult math_pow(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "pow", args, 2, 2))
        return NativeResult::raised();
    double x, y;
    if (!real_argument(vm, args[0], x) || !real_argument(vm, args[1], y))
        return NativeResult::raised();
    if ((x == 0 && y < 0) || (x < 0 && y != std::floor(y)))
        return vm.raise(vm.types.value_error, "math domain error");
    return NativeResult::of(Value::from_float(std::pow(x, y)));
}

NativeResult math_two_reals(Interpreter& vm, CallArgs args, const char* name, double (*function)(double, double))
{
    if (!check_arity(vm, name, args, 2, 2))
        return NativeResult::raised();
    double x, y;
    if (!real_argument(vm, args[0], x) || !real_argument(vm, args[1], y))
        return NativeResult::raised();
    return NativeResult::of(Value::from_float(function(x, y)));
}

double atan2_of(double y, double x) { return std::atan2(y, x); }
double hypot_of(double x, double y) { return std::hypot(x, y); }

NativeResult math_atan2(Interpreter& vm, Thread&, Value, CallArgs args) { return math_two_reals(vm, args, "atan2", atan2_of); }
NativeResult math_hypot(Interpreter& vm, Thread&, Value, CallArgs args) { return math_two_reals(vm, args, "hypot", hypot_of); }

NativeResult math_classify(Interpreter& vm, CallArgs args, const char* name, bool (*test)(double))
{
    if (!check_arity(vm, name, args, 1, 1))
        return NativeResult::raised();
    double x;
    if (!real_argument(vm, args[0], x))
        return NativeResult::raised();
    return NativeResult::of(Value::from_bool(test(x)));
}

bool isnan_of(double x) { return std::isnan(x); }
bool isinf_of(double x) { return std::isinf(x); }
bool isfinite_of(double x) { return std::isfinite(x); }

NativeResult math_isnan(Interpreter& vm, Thread&, Value, CallArgs args) { return math_classify(vm, args, "isnan", isnan_of); }
NativeResult math_isinf(Interpreter& vm, Thread&, Value, CallArgs args) { return math_classify(vm, args, "isinf", isinf_of); }
NativeResult math_isfinite(Interpreter& vm, Thread&, Value, CallArgs args) { return math_classify(vm, args, "isfinite", isfinite_of); }

NativeResult math_isclose(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_keywords(vm, "isclose", args, {"rel_tol", "abs_tol"}) || args.positional_count() != 2)
        return vm.pending.is_empty() ? vm.raise(vm.types.type_error, "isclose() takes exactly 2 positional arguments") : NativeResult::raised();
    double a, b, rel_tol = 1e-9, abs_tol = 0;
    Value rel = args.keyword("rel_tol"), abs_value = args.keyword("abs_tol");
    if (!real_argument(vm, args[0], a) || !real_argument(vm, args[1], b) || (!rel.is_empty() && !real_argument(vm, rel, rel_tol)) ||
        (!abs_value.is_empty() && !real_argument(vm, abs_value, abs_tol)))
        return NativeResult::raised();
    if (a == b)
        return NativeResult::of(Value::from_bool(true));
    if (std::isinf(a) || std::isinf(b))
        return NativeResult::of(Value::from_bool(false));
    double difference = std::fabs(b - a);
    bool close = difference <= std::fabs(rel_tol * b) || difference <= std::fabs(rel_tol * a) || difference <= abs_tol;
    return NativeResult::of(Value::from_bool(close));
}

NativeResult math_gcd(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "gcd", args, 0, 64))
        return NativeResult::raised();
    BigInt result = 0;
    for (uint32_t i = 0; i < args.count; i++) {
        if (!is_int(args[i]))
            return vm.raise(vm.types.type_error, "'" + vm.type_name(args[i]) + "' object cannot be interpreted as an integer");
        result = boost::multiprecision::gcd(result, BigInt(boost::multiprecision::abs(to_big(args[i]))));
    }
    return NativeResult::of(make_int(vm, result));
}

NativeResult math_factorial(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "factorial", args, 1, 1))
        return NativeResult::raised();
    int64_t n;
    if (!int_argument(vm, args[0], n))
        return NativeResult::raised();
    if (n < 0)
        return vm.raise(vm.types.value_error, "factorial() not defined for negative values");
    // log2(n!) by Stirling: refuse before computing a result past the size limit.
    if (n > 2 && (double)n * std::log2((double)n) - 1.4427 * (double)n > (double)kMaxIntBits)
        return vm.raise(vm.types.overflow_error, "int too large: Threadlab's ints hold at most " + std::to_string(kMaxIntBits) + " bits");
    BigInt result = 1;
    for (int64_t i = 2; i <= n; i++)
        result *= i;
    Value r = make_int(vm, result);
    return r.is_empty() ? NativeResult::raised() : NativeResult::of(r);
}

NativeResult math_isqrt(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "isqrt", args, 1, 1))
        return NativeResult::raised();
    if (!is_int(args[0]))
        return vm.raise(vm.types.type_error, "'" + vm.type_name(args[0]) + "' object cannot be interpreted as an integer");
    if (int_is_negative(args[0]))
        return vm.raise(vm.types.value_error, "isqrt() argument must be nonnegative");
    return NativeResult::of(make_int(vm, boost::multiprecision::sqrt(to_big(args[0]))));
}

} // namespace

void install_math(Interpreter& vm, ModuleObject& module)
{
    for (size_t i = 0; i < sizeof kUnary / sizeof kUnary[0]; i++)
        vm.add_native(module, kUnary[i].name, math_unary, Value::from_int((int64_t)i));
    struct FunctionDef {
        const char* name;
        NativeFunction function;
    };
    static constexpr FunctionDef kFunctions[] = {
        {"floor", math_floor}, {"ceil", math_ceil}, {"trunc", math_trunc}, {"log", math_log}, {"pow", math_pow},
        {"atan2", math_atan2}, {"hypot", math_hypot}, {"isnan", math_isnan}, {"isinf", math_isinf},
        {"isfinite", math_isfinite}, {"isclose", math_isclose}, {"gcd", math_gcd}, {"factorial", math_factorial},
        {"isqrt", math_isqrt},
    };
    for (const FunctionDef& f : kFunctions)
        vm.add_native(module, f.name, f.function);
    vm.set_attr(module.globals, "pi", Value::from_float(M_PI));
    vm.set_attr(module.globals, "e", Value::from_float(M_E));
    vm.set_attr(module.globals, "tau", Value::from_float(2 * M_PI));
    vm.set_attr(module.globals, "inf", Value::from_float(INFINITY));
    vm.set_attr(module.globals, "nan", Value::from_float(NAN));
}

// The counting functions, in Python over the natives above (exact big ints, CPython's messages).
extern const char kMathSource[] = R"PY(
def _whole(value):
    if not isinstance(value, int):
        raise TypeError("'%s' object cannot be interpreted as an integer" % type(value).__name__)
    return value


def perm(n, k=None):
    n = _whole(n)
    if k is None:
        k = n
    k = _whole(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    result = 1
    for factor in range(n - k + 1, n + 1):
        result *= factor
    return result


def comb(n, k):
    n, k = _whole(n), _whole(k)
    if n < 0:
        raise ValueError("n must be a non-negative integer")
    if k < 0:
        raise ValueError("k must be a non-negative integer")
    if k > n:
        return 0
    k = min(k, n - k)
    result = 1
    for i in range(1, k + 1):
        result = result * (n - k + i) // i
    return result


def prod(iterable, *, start=1):
    result = start
    for item in iterable:
        result = result * item
    return result
)PY";

} // namespace python

// The random module. Each generator (random.Random, and the hidden one behind the module's
// functions) keeps one 64-bit SplitMix64 state in its `_state` attribute. A process's first
// generator is seeded from the host, which on the machine draws from the run's seeded PRNG: the
// same seed gives the same numbers, natively and under node. The numbers are not CPython's
// (it uses the Mersenne Twister); only determinism per seed is promised.
//
// Sections: natives | Python source
#include "python/native.h"
#include "machine/random.h"

#include <cmath>
#include <cstring>

namespace python {

namespace {

// The generator `gen`'s next 64 bits (its `_state` attribute advances).
bool next_bits(Interpreter& vm, Value gen, uint64_t& out)
{
    auto* instance = as<InstanceObject>(gen);
    Value* state = instance ? instance->attrs.find("_state") : nullptr;
    if (!state || !state->is_integral()) {
        vm.fail(vm.types.type_error, "the generator has no state: Random.__init__() not called");
        return false;
    }
    auto bits = static_cast<uint64_t>(state->as_integral());
    out = machine::splitmix64_next(bits);
    vm.set_attr(instance->attrs, "_state", Value::from_int(static_cast<int64_t>(bits)));
    return true;
}

// Uniform in [0, 1) with 53 random bits, as a double holds them.
bool next_unit(Interpreter& vm, Value gen, double& out)
{
    uint64_t bits = 0;
    if (!next_bits(vm, gen, bits))
        return false;
    out = static_cast<double>(bits >> 11) * 0x1.0p-53;
    return true;
}

// _random(gen) -> float in [0, 1)
NativeResult random_unit(Interpreter& vm, Thread&, Value, CallArgs args)
{
    double u = 0;
    if (!check_arity(vm, "random", args, 1, 1) || !next_unit(vm, args[0], u))
        return NativeResult::raised();
    return NativeResult::of(Value::from_float(u));
}

// _below(gen, n) -> int in [0, n), without modulo bias.
NativeResult random_below(Interpreter& vm, Thread&, Value, CallArgs args)
{
    int64_t n = 0;
    if (!check_arity(vm, "_below", args, 2, 2) || !int_argument(vm, args[1], n))
        return NativeResult::raised();
    if (n <= 0)
        return vm.raise(vm.types.value_error, "empty range for randrange()");
    const auto bound = static_cast<uint64_t>(n);
    const uint64_t limit = UINT64_MAX - UINT64_MAX % bound;
    uint64_t bits = 0;
    do {
        if (!next_bits(vm, args[0], bits))
            return NativeResult::raised();
    } while (bits >= limit);
    return NativeResult::of(Value::from_int(static_cast<int64_t>(bits % bound)));
}

// _exponential(gen) -> -log(u) with u in (0, 1]: exponential with mean 1. portable_log keeps
// the result bit-identical natively and under WebAssembly.
NativeResult random_exponential(Interpreter& vm, Thread&, Value, CallArgs args)
{
    double u = 0;
    if (!check_arity(vm, "_exponential", args, 1, 1) || !next_unit(vm, args[0], u))
        return NativeResult::raised();
    return NativeResult::of(Value::from_float(-machine::portable_log(1.0 - u)));
}

// _normal(gen) -> standard normal, by the polar method (log and sqrt only, both portable).
NativeResult random_normal(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "_normal", args, 1, 1))
        return NativeResult::raised();
    double x = 0, y = 0, s = 0;
    do {
        if (!next_unit(vm, args[0], x) || !next_unit(vm, args[0], y))
            return NativeResult::raised();
        x = 2 * x - 1;
        y = 2 * y - 1;
        s = x * x + y * y;
    } while (s >= 1 || s == 0);
    return NativeResult::of(Value::from_float(x * std::sqrt(-2 * machine::portable_log(s) / s)));
}

// _seed(gen, a): the state for seed `a`. None draws from the host (the run's PRNG); ints,
// floats and strings give a fixed state.
NativeResult random_seed(Interpreter& vm, Thread&, Value, CallArgs args)
{
    if (!check_arity(vm, "seed", args, 2, 2))
        return NativeResult::raised();
    auto* instance = as<InstanceObject>(args[0]);
    if (!instance)
        return vm.raise(vm.types.type_error, "seed() needs a Random instance");
    const Value a = args[1];
    uint64_t state = 0;
    if (a.is_none()) {
        state = vm.host.random_u64();
    } else if (a.is_integral()) {
        state = static_cast<uint64_t>(a.as_integral());
    } else if (a.is_number()) {
        const double d = a.as_double();
        std::memcpy(&state, &d, sizeof state);
    } else if (auto* text = as<StrObject>(a)) {
        state = 0xcbf29ce484222325;  // FNV-1a over the bytes
        for (unsigned char c : text->text)
            state = (state ^ c) * 0x100000001b3;
    } else {
        return vm.raise(vm.types.type_error,
                        "The only supported seed types are: None,\nint, float, str, bytes, and bytearray.");
    }
    vm.set_attr(instance->attrs, "_state", Value::from_int(static_cast<int64_t>(state)));
    return NativeResult::of(Value::none());
}

} // namespace

void install_random(Interpreter& vm, ModuleObject& module)
{
    vm.add_native(module, "_random", random_unit);
    vm.add_native(module, "_below", random_below);
    vm.add_native(module, "_exponential", random_exponential);
    vm.add_native(module, "_normal", random_normal);
    vm.add_native(module, "_seed", random_seed);
}

// ---- Python source -----------------------------------------------------------------------------

extern const char kRandomSource[] = R"PY(
class Random:
    def __init__(self, x=None):
        _seed(self, x)

    def seed(self, a=None):
        _seed(self, a)

    def random(self):
        return _random(self)

    def getrandbits(self, k):
        if k < 0:
            raise ValueError("number of bits must be non-negative")
        if k > 62:
            raise ValueError("getrandbits() supports at most 62 bits here")
        return _below(self, 1 << k) if k else 0

    def randrange(self, start, stop=None, step=1):
        if stop is None:
            if start <= 0:
                raise ValueError("empty range for randrange()")
            return _below(self, start)
        width = stop - start
        if step == 1:
            if width <= 0:
                raise ValueError("empty range for randrange() (%d, %d, %d)" % (start, stop, width))
            return start + _below(self, width)
        if step == 0:
            raise ValueError("zero step for randrange()")
        n = (width + step - 1) // step if step > 0 else (width + step + 1) // step
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * _below(self, n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def uniform(self, a, b):
        return a + (b - a) * _random(self)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[_below(self, len(seq))]

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if weights is None and cum_weights is None:
            return [population[_below(self, n)] for i in range(k)]
        if cum_weights is None:
            cum_weights = []
            total = 0
            for w in weights:
                total += w
                cum_weights.append(total)
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1]
        result = []
        for i in range(k):
            r = _random(self) * total
            low = 0
            high = n - 1
            while low < high:
                middle = (low + high) // 2
                if r < cum_weights[middle]:
                    high = middle
                else:
                    low = middle + 1
            result.append(population[low])
        return result

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = _below(self, i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k):
        pool = list(population)
        n = len(pool)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        for i in range(k):
            j = i + _below(self, n - i)
            pool[i], pool[j] = pool[j], pool[i]
        return pool[:k]

    def expovariate(self, lambd):
        return _exponential(self) / lambd

    def gauss(self, mu=0.0, sigma=1.0):
        return mu + sigma * _normal(self)

    normalvariate = gauss


_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
randrange = _inst.randrange
randint = _inst.randint
uniform = _inst.uniform
choice = _inst.choice
choices = _inst.choices
shuffle = _inst.shuffle
sample = _inst.sample
expovariate = _inst.expovariate
gauss = _inst.gauss
normalvariate = _inst.normalvariate
)PY";

} // namespace python

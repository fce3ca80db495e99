
TWOPI = 6.283185307179586
NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
BPF = 53
RECIP_BPF = 2 ** -BPF


class Random:
    VERSION = 3

    def __init__(self, x=None):
        self.seed(x)

    def seed(self, a=None, version=2):
        if version not in (1, 2):
            raise ValueError("version must be 1 or 2, not %r" % (version,))
        _seed(self, a, version)
        self.gauss_next = None

    def getstate(self):
        return self.VERSION, tuple(self._state), self.gauss_next

    def setstate(self, state):
        version, internal, gauss_next = state
        if version != 3:
            raise ValueError("state with version %s passed to Random.setstate() of version %s" % (version, self.VERSION))
        if len(internal) != 625:
            raise ValueError("state vector is the wrong size")
        for word in internal:
            if not isinstance(word, int) or word < 0 or word > 4294967295:
                raise OverflowError("Python int too large to convert to C unsigned long")
        if not 0 <= internal[624] <= 624:
            raise ValueError("invalid state")
        self._state = list(internal)
        self.gauss_next = gauss_next

    def random(self):
        return _random(self)

    def getrandbits(self, k):
        return _getrandbits(self, k)

    def _randbelow(self, n):
        return _below(self, n)

    def randrange(self, start, stop=None, step=1):
        if not isinstance(start, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(start).__name__)
        if stop is None:
            if step != 1:
                raise TypeError("Missing a non-None stop argument")
            if start > 0:
                return _below(self, start)
            raise ValueError("empty range for randrange()")
        if not isinstance(stop, int):
            raise TypeError("'%s' object cannot be interpreted as an integer" % type(stop).__name__)
        width = stop - start
        if step == 1:
            if width > 0:
                return start + _below(self, width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (start, stop, width))
        if step > 0:
            n = (width + step - 1) // step
        elif step < 0:
            n = (width + step + 1) // step
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return start + step * _below(self, n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError("Cannot choose from an empty sequence")
        return seq[_below(self, len(seq))]

    def shuffle(self, x):
        for i in range(len(x) - 1, 0, -1):
            j = _below(self, i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if isinstance(population, (set, frozenset, dict)):
            raise TypeError("Population must be a sequence.  For dicts or sets, use sorted(d).")
        if counts is not None:
            expanded = []
            if len(counts) != len(population):
                raise ValueError("The number of counts does not match the population")
            for item, count in zip(population, counts):
                expanded.extend([item] * count)
            population = expanded
        n = len(population)
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            power = 1
            while power < k * 3:
                power *= 4
            setsize += power
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = _below(self, n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            for i in range(k):
                j = _below(self, n)
                while j in selected:
                    j = _below(self, n)
                selected.add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        n = len(population)
        if cum_weights is None:
            if weights is None:
                n = n + 0.0
                return [population[int(_random(self) * n)] for i in range(k)]
            if isinstance(weights, int):
                raise TypeError("The number of choices must be a keyword argument: k=%d" % weights)
            cum_weights = []
            total = 0
            for w in weights:
                total = total + w
                cum_weights.append(total)
        elif weights is not None:
            raise TypeError("Cannot specify both weights and cumulative weights")
        if len(cum_weights) != n:
            raise ValueError("The number of weights does not match the population")
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError("Total of weights must be greater than zero")
        if total != total or total in (float("inf"), float("-inf")):
            raise ValueError("Total of weights must be finite")
        hi = n - 1
        result = []
        for i in range(k):
            x = _random(self) * total
            lo = 0
            high = hi
            while lo < high:
                middle = (lo + high) // 2
                if x < cum_weights[middle]:
                    high = middle
                else:
                    lo = middle + 1
            result.append(population[lo])
        return result

    def uniform(self, a, b):
        return a + (b - a) * _random(self)

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = _random(self)
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        while True:
            u1 = _random(self)
            u2 = 1.0 - _random(self)
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = _random(self) * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - _random(self)))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def expovariate(self, lambd):
        return -_log(1.0 - _random(self)) / lambd


_inst = Random()
seed = _inst.seed
random = _inst.random
getrandbits = _inst.getrandbits
getstate = _inst.getstate
setstate = _inst.setstate
randrange = _inst.randrange
randint = _inst.randint
choice = _inst.choice
choices = _inst.choices
shuffle = _inst.shuffle
sample = _inst.sample
uniform = _inst.uniform
triangular = _inst.triangular
normalvariate = _inst.normalvariate
gauss = _inst.gauss
expovariate = _inst.expovariate

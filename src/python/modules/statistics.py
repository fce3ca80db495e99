# The statistics module's common functions: mean, fmean, median (low/high), mode, multimode,
# variance, stdev, pvariance, pstdev, with CPython's StatisticsError messages. In Python; an
# int mean stays exact when it divides evenly, as CPython's (which computes with fractions).
import math as _math


class StatisticsError(ValueError):
    pass


def _sum(data):
    if all(isinstance(x, int) for x in data):
        return sum(data)
    return _math.fsum(data) if hasattr(_math, "fsum") else sum(data)


def _exact_ratio(total, n):
    if isinstance(total, int) and total % n == 0:
        return total // n
    return total / n


def mean(data):
    data = list(data)
    if not data:
        raise StatisticsError("mean requires at least one data point")
    return _exact_ratio(_sum(data), len(data))


def fmean(data):
    data = list(data)
    if not data:
        raise StatisticsError("fmean requires at least one data point")
    return float(_sum(data)) / len(data)


def median(data):
    data = sorted(data)
    n = len(data)
    if n == 0:
        raise StatisticsError("no median for empty data")
    if n % 2 == 1:
        return data[n // 2]
    return (data[n // 2 - 1] + data[n // 2]) / 2


def median_low(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data[(len(data) - 1) // 2]


def median_high(data):
    data = sorted(data)
    if not data:
        raise StatisticsError("no median for empty data")
    return data[len(data) // 2]


def _counts(data):
    counts = {}
    for x in data:
        counts[x] = counts.get(x, 0) + 1
    return counts


def mode(data):
    counts = _counts(data)
    if not counts:
        raise StatisticsError("no mode for empty data")
    best = max(counts.values())
    for x, c in counts.items():
        if c == best:
            return x


def multimode(data):
    counts = _counts(data)
    if not counts:
        return []
    best = max(counts.values())
    return [x for x, c in counts.items() if c == best]


def _squared_deviations(data, center):
    return _sum([(x - center) * (x - center) for x in data])


def _sample_spread(data, xbar, function):
    data = list(data)
    if len(data) < 2:
        raise StatisticsError(function + " requires at least two data points")
    center = mean(data) if xbar is None else xbar
    return _exact_ratio(_squared_deviations(data, center), len(data) - 1)


def _population_spread(data, mu, function):
    data = list(data)
    if not data:
        raise StatisticsError(function + " requires at least one data point")
    center = mean(data) if mu is None else mu
    return _exact_ratio(_squared_deviations(data, center), len(data))


def variance(data, xbar=None):
    return _sample_spread(data, xbar, "variance")


def pvariance(data, mu=None):
    return _population_spread(data, mu, "pvariance")


def stdev(data, xbar=None):
    return _math.sqrt(_sample_spread(data, xbar, "stdev"))


def pstdev(data, mu=None):
    return _math.sqrt(_population_spread(data, mu, "pstdev"))

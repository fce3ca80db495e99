# An ordinary program of the kind issue 14 lists, run unchanged.
class Temperature:
    def __init__(self, celsius=0.0):
        self._c = celsius
    @property
    def celsius(self):
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
    @classmethod
    def from_f(cls, f):
        return cls((f - 32) * 5 / 9)
    @staticmethod
    def describe():
        return "a temperature"
    def __repr__(self):
        return f"Temperature({self._c!r})"
t = Temperature(25)
print(t.celsius, t.fahrenheit, Temperature.from_f(212), Temperature.describe())
t.celsius = 30
print(t)
try:
    t.celsius = -300
except ValueError as e:
    print("error:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("error:", e)


timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")


class struct_time:
    def __init__(self, fields):
        fields = tuple(fields)
        if len(fields) != 9:
            raise TypeError("time.struct_time() takes a 9-sequence (%d-sequence given)" % len(fields))
        self._fields = fields
        (self.tm_year, self.tm_mon, self.tm_mday, self.tm_hour, self.tm_min, self.tm_sec,
         self.tm_wday, self.tm_yday, self.tm_isdst) = fields

    def __getitem__(self, index):
        return self._fields[index]

    def __len__(self):
        return 9

    def __iter__(self):
        return iter(self._fields)

    def __eq__(self, other):
        return tuple(self) == tuple(other)

    def __repr__(self):
        return ("time.struct_time(tm_year=%d, tm_mon=%d, tm_mday=%d, tm_hour=%d, tm_min=%d, "
                "tm_sec=%d, tm_wday=%d, tm_yday=%d, tm_isdst=%d)" % self._fields)


def gmtime(secs=None):
    return struct_time(_fields(time() if secs is None else secs))


localtime = gmtime


def strftime(format, t=None):
    return _strftime(format, tuple(localtime() if t is None else t))


def asctime(t=None):
    t = localtime() if t is None else t
    return strftime("%a %b ", t) + "%2d " % t[2] + strftime("%H:%M:%S %Y", t)


def ctime(secs=None):
    return asctime(localtime(secs))

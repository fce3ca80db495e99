
class _Stream:
    def __init__(self, name, fd):
        self.name = name
        self._fd = fd

    def write(self, text):
        if type(text) is not str:
            raise TypeError("write() argument must be str, not " + type(text).__name__)
        _write(self._fd, text)
        return len(text)

    def flush(self):
        pass


stdout = _Stream("<stdout>", 1)
stderr = _Stream("<stderr>", 2)

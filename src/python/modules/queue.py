# The queue module: Queue, LifoQueue, PriorityQueue and SimpleQueue, written in Python over the
# machine's wait queues (SyncKind::WaitQueue, allocated through threading's _allocate). A queue
# has one mutex and three wait queues on it (not empty, not full, all tasks done), so a thread
# blocked in get(), put() or join() shows in its TCB and on the timeline as waiting on a Queue.
# Wait queues are SyncKind 7; operation 5 is notify (count -1: everyone).
from threading import Lock as _Lock, _allocate, _wait, _sync
from time import monotonic as _monotonic


class Empty(Exception):
    pass


class Full(Exception):
    pass


class Queue:
    _Mutex = _Lock   # multiprocessing's queues take a Lock that travels to other processes

    def __init__(self, maxsize=0):
        self.maxsize = maxsize
        self._init(maxsize)
        self.mutex = self._Mutex()
        self._not_empty = _allocate(7, 0, self.mutex._id)
        self._not_full = _allocate(7, 0, self.mutex._id)
        self._all_tasks_done = _allocate(7, 0, self.mutex._id)
        self.unfinished_tasks = 0

    # Waits on `waits` (the mutex held) while blocked() says so; False when the time ran out.
    def _wait_while(self, blocked, waits, block, timeout):
        if not block:
            return not blocked()
        if timeout is None:
            while blocked():
                _wait(waits, None)
            return True
        if timeout < 0:
            raise ValueError("'timeout' must be a non-negative number")
        deadline = _monotonic() + timeout
        while blocked():
            left = deadline - _monotonic()
            if left <= 0:
                return False
            _wait(waits, left)
        return True

    def _is_full(self):
        return 0 < self.maxsize <= self._qsize()

    def _is_empty(self):
        return not self._qsize()

    def put(self, item, block=True, timeout=None):
        with self.mutex:
            if not self._wait_while(self._is_full, self._not_full, block, timeout):
                raise Full
            self._put(item)
            self.unfinished_tasks += 1
            _sync(5, self._not_empty, 1)

    def get(self, block=True, timeout=None):
        with self.mutex:
            if not self._wait_while(self._is_empty, self._not_empty, block, timeout):
                raise Empty
            item = self._get()
            _sync(5, self._not_full, 1)
            return item

    def put_nowait(self, item):
        return self.put(item, block=False)

    def get_nowait(self):
        return self.get(block=False)

    def task_done(self):
        with self.mutex:
            unfinished = self.unfinished_tasks - 1
            if unfinished < 0:
                raise ValueError("task_done() called too many times")
            self.unfinished_tasks = unfinished
            if unfinished == 0:
                _sync(5, self._all_tasks_done, -1)

    def join(self):
        with self.mutex:
            while self.unfinished_tasks:
                _wait(self._all_tasks_done, None)

    def qsize(self):
        with self.mutex:
            return self._qsize()

    def empty(self):
        with self.mutex:
            return not self._qsize()

    def full(self):
        with self.mutex:
            return self._is_full()

    # The storage; the subclasses change the order.
    def _init(self, maxsize):
        self.queue = []

    def _qsize(self):
        return len(self.queue)

    def _put(self, item):
        self.queue.append(item)

    def _get(self):
        return self.queue.pop(0)


class LifoQueue(Queue):
    def _get(self):
        return self.queue.pop()


class PriorityQueue(Queue):
    # Kept sorted; among equal items the first put comes out first.
    def _put(self, item):
        low = 0
        high = len(self.queue)
        while low < high:
            middle = (low + high) // 2
            if item < self.queue[middle]:
                high = middle
            else:
                low = middle + 1
        self.queue.insert(low, item)


class SimpleQueue(Queue):
    def __init__(self):
        Queue.__init__(self)

    def put(self, item, block=True, timeout=None):
        Queue.put(self, item)

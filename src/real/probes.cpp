// The probes (probes.h).
//
// Index:
//   Spread          median and range of repeats
//   Start line      threads started first, timed from the moment they all may go
//   Speedup         the kernel and its timing
//   Switch costs    thread hand-off, thread creation, fiber switch
//   Race            the shared counter, unguarded, atomic, locked
#include "real/probes.h"

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <pthread.h>
#include <thread>

#include "real/fiber.h"

namespace real {

namespace {

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point start) {
    return std::chrono::duration<double>(Clock::now() - start).count();
}

} // namespace

int logical_cores() { return int(std::max(1u, std::thread::hardware_concurrency())); }

// ----------------------------------------------------------------------------------------------
// Spread
// ----------------------------------------------------------------------------------------------

Spread spread_of(std::vector<double> samples) {
    if (samples.empty())
        return {};
    std::sort(samples.begin(), samples.end());
    const size_t n = samples.size();
    const double median = n % 2 ? samples[n / 2] : (samples[n / 2 - 1] + samples[n / 2]) / 2;
    return {median, samples.front(), samples.back()};
}

// ----------------------------------------------------------------------------------------------
// Start line
// ----------------------------------------------------------------------------------------------

namespace {

// Threads take time to start (in a browser, a Web Worker each): they wait here until all are
// ready, so the clock measures their work, not their creation.
class StartLine {
public:
    explicit StartLine(int runners) : runners_(runners) {}

    void wait_for_go() {
        std::unique_lock<std::mutex> lock(mutex_);
        ++ready_;
        ready_changed_.notify_all();
        go_changed_.wait(lock, [this] { return go_; });
    }
    // Returns once every runner waits, letting them all go.
    Clock::time_point go() {
        std::unique_lock<std::mutex> lock(mutex_);
        ready_changed_.wait(lock, [this] { return ready_ == runners_; });
        go_ = true;
        go_changed_.notify_all();
        return Clock::now();
    }

private:
    std::mutex mutex_;
    std::condition_variable ready_changed_, go_changed_;
    int runners_;
    int ready_ = 0;
    bool go_ = false;
};

// Runs work(i) on `threads` new threads released together; returns the seconds from the release
// to the last one's end.
template <typename Work>
double time_threads(int threads, Work work) {
    StartLine line(threads);
    std::vector<std::thread> running;
    running.reserve(size_t(threads));
    for (int i = 0; i < threads; ++i)
        running.emplace_back([&line, &work, i] {
            line.wait_for_go();
            work(i);
        });
    const Clock::time_point start = line.go();
    for (std::thread& t : running)
        t.join();
    return seconds_since(start);
}

} // namespace

// ----------------------------------------------------------------------------------------------
// Speedup
// ----------------------------------------------------------------------------------------------

namespace {

// A chain of xorshift steps: each depends on the last, so neither the compiler nor the CPU can
// shorten it, and it touches no memory, so threads share nothing but the cores.
uint64_t kernel(uint64_t iterations, uint64_t seed) {
    uint64_t x = seed | 1;
    for (uint64_t i = 0; i < iterations; ++i) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
    }
    return x;
}

// Where the kernels' results go, so that they are computed at all.
std::atomic<uint64_t> g_kernel_sink{0};

} // namespace

// The fastest of three runs of each size: a run the system interrupted (another program, a
// browser's busy main thread) would make the kernel look slow and the measurement too short.
uint64_t calibrate_kernel(double seconds) {
    uint64_t iterations = 1 << 16;
    for (;;) {
        double took = 1e30;
        for (int run = 0; run < 3; ++run) {
            const Clock::time_point start = Clock::now();
            g_kernel_sink.fetch_xor(kernel(iterations, iterations + uint64_t(run)), std::memory_order_relaxed);
            took = std::min(took, seconds_since(start));
        }
        if (took >= 0.02 || iterations >= (uint64_t{1} << 40))
            return std::max<uint64_t>(1, uint64_t(double(iterations) * seconds / std::max(took, 1e-9)));
        iterations *= 4;
    }
}

double time_kernel(int threads, uint64_t iterations) {
    const uint64_t share = iterations / uint64_t(threads);
    const uint64_t rest = iterations % uint64_t(threads);
    return time_threads(threads, [&](int i) {
        const uint64_t mine = share + (uint64_t(i) < rest ? 1 : 0);
        g_kernel_sink.fetch_xor(kernel(mine, uint64_t(i) + 1), std::memory_order_relaxed);
    });
}

// ----------------------------------------------------------------------------------------------
// Switch costs
// ----------------------------------------------------------------------------------------------

namespace {

// Two threads taking turns: each waits for its turn, passes it to the other and wakes it.
struct TurnTaking {
    std::mutex mutex;
    std::condition_variable turn_changed[2];
    int turn = 0;
    bool stop = false;
    int64_t handoffs = 0;

    // The side that keeps the time: passes the turn until `seconds` are over.
    void lead(double seconds, Clock::time_point start) {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            turn_changed[0].wait(lock, [this] { return turn == 0; });
            if (seconds_since(start) >= seconds)
                stop = true;
            turn = 1;
            ++handoffs;
            turn_changed[1].notify_one();
            if (stop)
                return;
        }
    }
    void follow() {
        std::unique_lock<std::mutex> lock(mutex);
        for (;;) {
            turn_changed[1].wait(lock, [this] { return turn == 1; });
            if (stop)
                return;
            turn = 0;
            ++handoffs;
            turn_changed[0].notify_one();
        }
    }
};

} // namespace

double measure_thread_handoff_ns(double seconds) {
    TurnTaking turns;
    const double took = time_threads(2, [&](int i) {
        if (i == 0)
            turns.lead(seconds, Clock::now());
        else
            turns.follow();
    });
    return took * 1e9 / double(std::max<int64_t>(turns.handoffs, 1));
}

double measure_thread_create_ns(double seconds) {
    int64_t created = 0;
    const Clock::time_point start = Clock::now();
    do {
        std::thread([] {}).join();
        ++created;
    } while (seconds_since(start) < seconds);
    return seconds_since(start) * 1e9 / double(created);
}

double measure_fiber_switch_ns(int yields) {
    const FiberRunResult run = run_fibers({.fibers = 2, .yields_each = yields});
    return run.switches > 0 ? run.seconds * 1e9 / double(run.switches) : 0.0;
}

size_t default_thread_stack_bytes() {
    pthread_attr_t attributes;
    size_t bytes = 0;
    if (pthread_attr_init(&attributes) == 0) {
        pthread_attr_getstacksize(&attributes, &bytes);
        pthread_attr_destroy(&attributes);
    }
    return bytes;
}

// ----------------------------------------------------------------------------------------------
// Race
// ----------------------------------------------------------------------------------------------

namespace {

// The additions are counted apart in batches, so that counting them disturbs the race little.
constexpr int64_t kAdditionsBatch = 1024;

void add_one(RaceGuard guard, std::atomic<int64_t>& counter, std::mutex& lock) {
    switch (guard) {
    case RaceGuard::None:
        // What `counter += 1` is in Python's bytecode, and in most machine code: read, add, write.
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        break;
    case RaceGuard::Atomic:
        counter.fetch_add(1, std::memory_order_relaxed);
        break;
    case RaceGuard::Lock: {
        std::lock_guard<std::mutex> held(lock);
        counter.store(counter.load(std::memory_order_relaxed) + 1, std::memory_order_relaxed);
        break;
    }
    }
}

} // namespace

int64_t run_race(int threads, int64_t additions_each, RaceGuard guard, RaceLive& live) {
    live.counter.store(0);
    live.additions.store(0);
    std::mutex lock;
    time_threads(threads, [&](int) {
        for (int64_t done = 0; done < additions_each;) {
            const int64_t batch = std::min(kAdditionsBatch, additions_each - done);
            for (int64_t k = 0; k < batch; ++k)
                add_one(guard, live.counter, lock);
            done += batch;
            live.additions.fetch_add(batch, std::memory_order_relaxed);
        }
    });
    return int64_t(threads) * additions_each - live.counter.load();
}

} // namespace real

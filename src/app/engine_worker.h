// The engine's own pthread. The UI thread never runs simulation work: it posts jobs here and
// renders whatever the engine last published. Today the only job is a heartbeat, which proves
// the thread plumbing (pthreads in the browser, a Web Worker) end to end.
#pragma once
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

class EngineWorker {
public:
    EngineWorker();
    ~EngineWorker();
    EngineWorker(const EngineWorker&) = delete;
    EngineWorker& operator=(const EngineWorker&) = delete;

    // Queue a job to run on the engine thread, in order.
    void post(std::function<void()> job);

    bool is_alive() const { return alive_.load(std::memory_order_acquire); }
    // How many heartbeat jobs the engine thread has actually executed.
    uint64_t heartbeats() const { return heartbeats_.load(std::memory_order_acquire); }
    void post_heartbeat();

private:
    void loop();

    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<std::function<void()>> jobs_;
    bool stopping_ = false;
    std::atomic<bool> alive_{false};
    std::atomic<uint64_t> heartbeats_{0};
    std::thread thread_;
};

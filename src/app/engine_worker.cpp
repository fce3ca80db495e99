#include "app/engine_worker.h"

EngineWorker::EngineWorker() : thread_([this] { loop(); }) {}

EngineWorker::~EngineWorker() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    thread_.join();
}

void EngineWorker::post(std::function<void()> job) {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        jobs_.push_back(std::move(job));
    }
    wake_.notify_one();
}

void EngineWorker::post_heartbeat() {
    post([this] { heartbeats_.fetch_add(1, std::memory_order_acq_rel); });
}

void EngineWorker::loop() {
    alive_.store(true, std::memory_order_release);
    std::vector<std::function<void()>> batch;
    for (;;) {
        {
            std::unique_lock<std::mutex> lock(mutex_);
            wake_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
            if (stopping_)
                break;
            batch.swap(jobs_);
        }
        for (auto& job : batch)
            job();
        batch.clear();
    }
    alive_.store(false, std::memory_order_release);
}

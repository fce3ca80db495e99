// The hand-over between the engine's thread and the UI's: the engine publishes immutable
// snapshots, the UI takes the latest one each frame and draws from it for as long as it likes.
// The lock is held only to copy a pointer, never while a snapshot is built or drawn, so a slow
// frame never slows the simulation and a fast simulation never stalls a frame.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>

template <typename Snapshot>
class SnapshotChannel {
public:
    // Engine side: hand over a finished snapshot. Older ones die when no reader holds them.
    void publish(std::shared_ptr<const Snapshot> snapshot) {
        std::lock_guard<std::mutex> lock(mutex_);
        latest_ = std::move(snapshot);
        ++version_;
    }

    // UI side: the most recent snapshot (nullptr before the first), and its version number,
    // which grows by one with every publish so a reader can tell whether anything changed.
    std::shared_ptr<const Snapshot> latest(uint64_t* version = nullptr) const {
        std::lock_guard<std::mutex> lock(mutex_);
        if (version)
            *version = version_;
        return latest_;
    }

private:
    mutable std::mutex mutex_;
    std::shared_ptr<const Snapshot> latest_;
    uint64_t version_ = 0;
};

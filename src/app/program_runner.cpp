#include "app/program_runner.h"

#include "engine/host.h"
#include "engine/interpreter.h"
#include "lang/source.h"

namespace {

// How many instructions run between two snapshots: small enough that output appears while a
// long program runs and Stop answers at once, large enough that publishing costs nothing.
constexpr uint64_t kInstructionsPerChunk = 200'000;
// The same ceiling the CLI applies, so an endless loop ends with a message, not a hung tab.
constexpr uint64_t kMaxInstructions = 200'000'000;

} // namespace

uint64_t ProgramRunner::run(std::string source) {
    const uint64_t run_id = current_run_.fetch_add(1) + 1;
    engine_.post([this, run_id, source = std::move(source)] { execute(run_id, source); });
    return run_id;
}

void ProgramRunner::stop() { current_run_.fetch_add(1); }

void ProgramRunner::execute(uint64_t run_id, const std::string& source) {
    if (cancelled(run_id))
        return;
    auto publish = [&](ProgramRunSnapshot snapshot) {
        channel_.publish(std::make_shared<const ProgramRunSnapshot>(std::move(snapshot)));
    };
    ProgramRunSnapshot snapshot;
    snapshot.run_id = run_id;
    snapshot.status = RunStatus::Running;
    publish(snapshot);

    engine::BufferHost host;
    engine::Interpreter interpreter(host);
    const char* filename = "program.py";
    engine::LoadResult loaded = interpreter.load_main(source, filename);
    if (loaded.error) {
        snapshot.status = RunStatus::Failed;
        snapshot.error = lang::format_source_error(*loaded.error, filename, source);
        snapshot.error_line = loaded.error->pos.line;
        snapshot.error_col = loaded.error->pos.col;
        publish(std::move(snapshot));
        return;
    }

    engine::Thread& thread = *loaded.thread;
    for (;;) {
        engine::RunResult result = interpreter.run(thread, kInstructionsPerChunk);
        snapshot.instructions = thread.instructions;
        snapshot.output = host.out();
        if (result.reason == engine::StopReason::Finished) {
            snapshot.status = RunStatus::Finished;
            break;
        }
        if (result.reason == engine::StopReason::Error) {
            snapshot.status = RunStatus::Failed;
            snapshot.error = interpreter.format_uncaught(thread);
            break;
        }
        if (result.reason == engine::StopReason::Suspended) {
            snapshot.status = RunStatus::Failed;
            snapshot.error = "The program waits for another thread or the clock, which this "
                             "single-thread run does not simulate.\n";
            break;
        }
        if (cancelled(run_id)) {
            snapshot.status = RunStatus::Stopped;
            break;
        }
        if (thread.instructions >= kMaxInstructions) {
            snapshot.status = RunStatus::Failed;
            snapshot.error = "Stopped after " + std::to_string(kMaxInstructions) +
                             " instructions: is there an endless loop?\n";
            break;
        }
        publish(snapshot);
    }
    publish(std::move(snapshot));
}

// What the lab's windows draw: a plain, immutable copy of one moment of a run, made on the
// engine's thread and handed to the UI through a SnapshotChannel. Nothing in it points into the
// engine, so the UI can keep it as long as it likes while the simulation moves on.
//
// Index:
//   Values and variables     how a Python value looks in a panel
//   Text region              code objects and their bytecode
//   Threads                  the TCB and the stack of frames
//   Processes                data (globals) and heap, per address space
//   CPUs, output, stats      the rest of the machine
//   Schedules                the preemptions of the schedule the run follows; the user's pick
//   LabSnapshot              all of it
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "explore/witness_words.h"
#include "machine/sim_time.h"
#include "machine/thread_state.h"
#include "machine/trace.h"

namespace lab {

// ---------------------------------------------------------------------------------------------
// Values and variables
// ---------------------------------------------------------------------------------------------

constexpr uint32_t kNoObject = 0;

// A Python value as a panel shows it: its type name and a short repr; heap objects also carry
// their stable heap id, so a click can find them in the Heap list.
struct ValueView {
    std::string type;           // "int", "list", "FakeDatabase", ...
    std::string repr;           // shortened repr, at most a line
    uint32_t object = kNoObject; // heap id when the value is a heap object
};

struct Variable {
    std::string name;
    ValueView value;
    bool changed = false; // different from the previous snapshot: the panel flashes it
};

// ---------------------------------------------------------------------------------------------
// Text region
// ---------------------------------------------------------------------------------------------

struct Instruction {
    std::string text; // "LOAD_FAST n", as `threadlab dis` prints it
    int line = 0;     // 1-based source line
    int col = 0;      // 0-based column
};

struct CodeView {
    uint32_t id = 0;          // index among the process's code objects
    std::string name;         // "<module>", "worker", "FakeDatabase.update"
    std::string filename;
    int first_line = 0;
    std::vector<Instruction> instructions;
};

// ---------------------------------------------------------------------------------------------
// Threads
// ---------------------------------------------------------------------------------------------

// The code of a frame that is not in the process's text region: a built-in call, and the lab's
// own frames inside one.
constexpr uint32_t kNoCode = UINT32_MAX;

// One frame of a thread's stack as the student sees it. The lab's built-in modules (threading,
// queue, logging, ...) are written in the engine's Python, where CPython has C functions: a run
// of their frames is one built-in call (`builtin`, named after the call the program made:
// "Lock.acquire"), which has no line and no bytecode of its own, and keeps the lab's frames it
// stands for in `internals` for the curious.
struct FrameView {
    std::string function;     // code name
    std::string filename;     // its code object's: "race.py", "<threading>"
    uint32_t code = 0;        // CodeView::id in the thread's process; kNoCode outside the text region
    uint32_t ip = 0;          // the instruction being executed (index into its code's instructions)
    int line = 0;             // where that instruction is in the source
    int col = 0;
    std::string instruction;  // that instruction, read in the frame's own code: "BEFORE_WITH"
    std::vector<Variable> locals;
    std::vector<ValueView> value_stack; // the evaluation stack, bottom first
    bool builtin = false;
    std::vector<FrameView> internals;   // a built-in call's own frames, outermost first
};

// The thread control block as the UI shows it, plus its stack (frames bottom first: the frame
// running now is frames.back(), a built-in call when the program is inside one).
struct ThreadView {
    int32_t id = -1;
    int32_t process = 0;
    std::string name;
    machine::ThreadState state = machine::ThreadState::New;
    machine::WaitKind wait = machine::WaitKind::None;
    std::string waiting_on;       // plain words: "Lock #3 held by Thread-2", "sleep until 2.000 s"
    std::vector<std::string> holds; // locks it holds, in words
    int32_t cpu = -1;             // while running
    int32_t last_cpu = -1;
    machine::SimTime cpu_time = 0;
    int64_t instructions = 0;
    int64_t context_switches = 0;
    bool daemon = false;
    bool is_main = false;
    int priority = 0;
    bool holds_gil = false;
    std::vector<FrameView> frames;
};

// The innermost frame of the program's own code: the one under the built-in call it is in (the
// `with lock:` of a thread blocked on the lock), or null.
inline const FrameView* program_frame(const ThreadView& thread) {
    for (auto frame = thread.frames.rbegin(); frame != thread.frames.rend(); ++frame)
        if (!frame->builtin)
            return &*frame;
    return nullptr;
}

// ---------------------------------------------------------------------------------------------
// Processes
// ---------------------------------------------------------------------------------------------

// A threading.local's attributes as one thread sees them.
struct ThreadLocalView {
    int32_t thread = -1;
    std::vector<Variable> attributes;
};

struct HeapObjectView {
    uint32_t id = kNoObject;
    std::string type;
    std::string repr;
    uint32_t size_bytes = 0;           // an estimate, to draw the heap to scale
    std::vector<std::string> referrers; // who refers to it: "global counter", "Thread-1 frame worker: local db", "list #12"
    bool changed = false;
    // A multiprocessing Value or Array: where its numbers are in the memory every process
    // sees (the same slots in each process that holds it); -1 for this process's own objects.
    int64_t shared_slot = -1;
    uint32_t shared_count = 0;
    std::vector<ThreadLocalView> per_thread; // a threading.local: each thread's own attributes
};

struct ProcessView {
    int32_t id = 0;
    std::string name;
    int32_t main_thread = -1;
    bool gil_enabled = true;
    int32_t gil_holder = -1;            // thread id, -1 when free
    std::string source;                 // the program's source, drawn beside its bytecode
    std::vector<CodeView> codes;        // text
    std::vector<Variable> globals;      // data: the __main__ module's dict
    std::vector<HeapObjectView> heap;   // heap: objects reachable from the program
    std::vector<int32_t> threads;       // its threads' ids: one stack each
};

// ---------------------------------------------------------------------------------------------
// CPUs, output, stats
// ---------------------------------------------------------------------------------------------

struct CpuView {
    int32_t thread = -1;  // running now, -1 idle
    double utilisation = 0; // busy share of the time so far, 0..1
};

struct OutputLineView {
    machine::SimTime time = 0;
    int32_t thread = -1;
    bool is_stderr = false;
    std::string text; // without the newline
};

struct StatsView {
    machine::SimTime wall_time = 0;
    int64_t context_switches = 0;
    int64_t gil_handoffs = 0;
    int64_t instructions = 0;
    double speedup = 0; // one-thread baseline's wall time / this wall time; 0: no baseline run
    std::string baseline; // what the baseline made one: "THREADS = 1", "1 CPU"
};

// ---------------------------------------------------------------------------------------------
// LabSnapshot
// ---------------------------------------------------------------------------------------------

// A run in the page pauses after this many instructions (the CLI's --max-steps default), and
// again after as many more each time Play continues it: a program that never ends stops using
// the visitor's CPU.
inline constexpr int64_t kRunBudgetInstructions = 200'000'000;

enum class RunPhase : uint8_t {
    Ready,     // loaded, nothing executed yet
    Playing,
    Paused,
    Finished,
    Deadlock,
    TimeLimit,
    Error,     // the program did not compile; see `error`
};

// A run's trace events in immutable pieces that every later snapshot shares, so handing the
// whole trace to the timeline costs a few pointers, and a reader that skipped snapshots still
// finds every event.
using TraceChunk = std::vector<machine::TraceEvent>;

// ---------------------------------------------------------------------------------------------
// Schedules
// ---------------------------------------------------------------------------------------------

// One side of the conflict that makes a preemption matter (explore/witness.h).
struct ScheduleAccessView {
    int32_t thread = -1;       // -1: no conflict was seen
    bool write = false;
    machine::SimTime time = 0;
};

// A preemption the run's schedule made, in words, and the pair of conflicting accesses: `first`
// by another thread while the preempted one waited, `second` by the preempted one after.
struct ScheduleNoteView {
    machine::SimTime time = 0;
    int32_t preempted = -1;
    int32_t ran = -1;
    ScheduleAccessView first, second;
    // For explore::word_preemption ("Thread-1 (increment) was preempted after BINARY_OP, line 9, and
    // MainThread ran") and word_conflict ("Thread-2 (increment) read `counter` (...) before ...").
    explore::PreemptionParts parts;
};
using ScheduleNotes = std::vector<ScheduleNoteView>;

// "You are the scheduler": the run waits before instruction `step` for the user to pick which
// of `threads` runs; `current` runs if the machine decides.
struct DecisionView {
    bool waiting = false;
    int64_t step = 0;
    int32_t current = -1;
    bool fresh = false;                 // picking another thread here preempts no one
    std::vector<int32_t> threads;       // ascending ids
    std::vector<explore::InstructionPlace> next;  // what each of them executes next
};

struct LabSnapshot {
    uint64_t run_id = 0;      // changes when the run restarts (new program or settings)
    uint64_t sequence = 0;    // grows with every snapshot of the same run
    RunPhase phase = RunPhase::Ready;
    machine::SimTime now = 0;
    std::string error;        // compile error (phase Error) or deadlock report, in words
    // The last program sent does not compile, but an earlier one did and keeps running: its
    // error in words, at error_line/error_col (phase Error uses those too).
    std::string compile_error;
    int error_line = 0;
    int error_col = 0;
    // Paused by the run budget (kRunBudgetInstructions per Play): a program that never ends
    // does not run on in the background. Play (the notice's Continue) grants as many again.
    bool budget_paused = false;
    int64_t budget_instructions = 0;  // the budget it used up so far
    uint64_t trace_hash = 0;
    std::vector<ProcessView> processes;
    // In id order: every thread not yet terminated, each process's main thread, and the newest
    // kMaxFinishedThreads terminated ones (ui::FindThread finds one by id).
    std::vector<ThreadView> threads;
    uint64_t threads_not_shown = 0;    // the older terminated threads left out
    std::vector<CpuView> cpus;
    std::vector<OutputLineView> output;
    uint64_t output_first = 0;         // the run's line number of output[0] (older lines dropped)
    std::vector<std::shared_ptr<const TraceChunk>> trace_chunks; // oldest first, from the run's start
    uint64_t trace_events = 0;         // events in all chunks
    bool trace_full = false;           // the chunks reached the lab's bound and stopped growing
    StatsView stats;
    // The preemptions of the schedule the run follows so far (shared: unchanged snapshots share it).
    std::shared_ptr<const ScheduleNotes> schedule_notes;
    DecisionView decision;
};

} // namespace lab

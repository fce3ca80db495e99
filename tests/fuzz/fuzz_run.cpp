// libFuzzer target for the interpreter and the machine: a program that compiles runs under an
// instruction budget and small limits (a 1 MiB heap, 64 threads, a second of simulated time),
// and whatever it does (grow, recurse, start threads, print, raise) must end in output and a
// status, never a crash, a sanitizer report or a hang. The seeds are the conformance cases and
// the lessons (see cmake/fuzz.cmake); python.dict gives the mutator the language's words.
#include <cstdint>
#include <string_view>
#include "python/python_machine.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size)
{
    std::string_view source(reinterpret_cast<const char*>(data), size);
    machine::MachineConfig config;
    config.cpus = 2;
    config.max_memory = uint64_t{1} << 20;
    config.max_threads = 64;
    config.max_time = machine::kSecond;
    // A process start costs tens of milliseconds of real time under the sanitizers (a new
    // interpreter, its imports, the program compiled again): at 50 ms of simulated time each,
    // the second of simulated time holds at most 20 of them.
    config.process_create_cost = 50 * machine::kMillisecond;
    config.trace.max_events = size_t{1} << 12;
    config.trace.max_output_lines = 256;
    python::PythonRun run(config);
    if (run.start(source, "fuzz.py"))
        return 0;  // does not compile: fuzz_compile's ground
    run.run(machine::kNever, 200000);
    return 0;
}

// What a Python program on the machine printed, for the unit tests of the machine's modules.
#pragma once
#include <doctest/doctest.h>

#include <string>

#include "python/python_machine.h"

namespace printed_output {

// The output of a program run to its end: stdout and stderr kept apart.
struct Printed {
    std::string out;
    std::string err;
};

inline Printed printed(python::PythonRun& run) {
    Printed p;
    const machine::Trace& trace = run.machine().trace();
    for (uint64_t i = trace.output_first(); i < trace.output_count(); ++i) {
        const machine::OutputLine& line = trace.output(i);
        (line.stream == machine::OutputStream::Stdout ? p.out : p.err) += line.text + (line.newline ? "\n" : "");
    }
    return p;
}

inline Printed run_to_end(const std::string& source, machine::MachineConfig config = {}) {
    python::PythonRun run(config);
    REQUIRE_FALSE(run.start(source, "test.py"));
    REQUIRE(run.run() == machine::RunStatus::Finished);
    return printed(run);
}

} // namespace printed_output

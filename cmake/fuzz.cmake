# The libFuzzer targets (tests/fuzz/), built when THREADLAB_FUZZ is on and the compiler is clang
# (libFuzzer is clang's; Debian: clang-14 and libclang-rt-14-dev). Configure:
#   cmake --preset fuzz      (clang-14, into build/fuzz)
#   fuzz_permalink   the permalink decoder, any bytes as a link
#   fuzz_compile     the lexer, parser and compiler, any bytes as a program
#   fuzz_run         the interpreter and machine, programs that compile, under small limits
# CTest runs each over its committed corpus (and the conformance cases and lessons, as seeds of
# programs) for a fixed number of inputs, so a run takes seconds and the same every time; new
# findings go to the build folder, never into the committed corpus. scripts/fuzz-long runs them
# for millions of inputs.
option(THREADLAB_FUZZ "Build the libFuzzer targets (clang only)" OFF)
if(THREADLAB_FUZZ AND NOT EMSCRIPTEN)
  if(NOT CMAKE_CXX_COMPILER_ID STREQUAL "Clang")
    message(FATAL_ERROR "THREADLAB_FUZZ needs clang (e.g. CC=clang-14 CXX=clang++-14)")
  endif()
  set(THREADLAB_FUZZ_FLAGS -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined -g)
  # The engine is instrumented for coverage and checked by the sanitizers; everything that links
  # it (CLI, unit tests) then needs the sanitizers' runtime too.
  foreach(layer ${THREADLAB_LAYERS})
    target_compile_options(threadlab_${layer} PRIVATE ${THREADLAB_FUZZ_FLAGS})
    target_link_options(threadlab_${layer} PUBLIC -fsanitize=address,undefined)
  endforeach()
  set(FUZZ_PROGRAM_SEEDS "${CMAKE_SOURCE_DIR}/tests/conformance/cases|${CMAKE_SOURCE_DIR}/examples")
  # Each target: inputs per CTest run, longest input, corpus folders.
  set(FUZZ_TARGETS
    "fuzz_permalink|30000|4096|${CMAKE_SOURCE_DIR}/tests/fuzz/corpus"
    "fuzz_compile|20000|8192|${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_compile|${FUZZ_PROGRAM_SEEDS}"
    "fuzz_run|3000|8192|${CMAKE_SOURCE_DIR}/tests/fuzz/corpus_run|${FUZZ_PROGRAM_SEEDS}")
  foreach(spec ${FUZZ_TARGETS})
    string(REPLACE "|" ";" fields "${spec}")
    list(POP_FRONT fields target runs max_len)
    add_executable(${target} tests/fuzz/${target}.cpp)
    target_compile_options(${target} PRIVATE ${THREADLAB_FUZZ_FLAGS})
    target_link_libraries(${target} PRIVATE threadlab_engine)
    target_link_options(${target} PRIVATE -fsanitize=fuzzer,address,undefined)
    set(work ${CMAKE_BINARY_DIR}/${target}_corpus)
    # Programs: Python's words help the mutator keep them compiling.
    set(dict "")
    if(NOT target STREQUAL "fuzz_permalink")
      set(dict -dict=${CMAKE_SOURCE_DIR}/tests/fuzz/python.dict)
    endif()
    file(MAKE_DIRECTORY ${work})
    # -runs counts inputs, not seconds: the same amount of work on any machine.
    add_test(NAME ${target}
      COMMAND ${target} -runs=${runs} -seed=1 -max_len=${max_len} -timeout=10 -rss_limit_mb=2048
        ${dict} -artifact_prefix=${CMAKE_BINARY_DIR}/${target}- ${work} ${fields})
  endforeach()
endif()

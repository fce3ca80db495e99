# The browser app: Dear ImGui (GLFW + OpenGL3 backends on WebGL2), the UI panels, the app's main
# loop, and the GLSL sources from shaders/ embedded at build time. Its files are gathered into
# build/web/ (index.html, style.css, threadlab_app.js, .wasm, .worker.js) for scripts/serve.
set(IMGUI_DIR ${THIRD_PARTY}/imgui)
if(NOT EXISTS ${IMGUI_DIR}/imgui.cpp)
  message(FATAL_ERROR "Dear ImGui sources are missing in ${IMGUI_DIR}: run ./scripts/setup")
endif()

add_library(imgui STATIC
  ${IMGUI_DIR}/imgui.cpp ${IMGUI_DIR}/imgui_draw.cpp ${IMGUI_DIR}/imgui_tables.cpp
  ${IMGUI_DIR}/imgui_widgets.cpp ${IMGUI_DIR}/imgui_demo.cpp
  ${IMGUI_DIR}/backends/imgui_impl_glfw.cpp ${IMGUI_DIR}/backends/imgui_impl_opengl3.cpp
  ${IMGUI_DIR}/misc/cpp/imgui_stdlib.cpp)
target_include_directories(imgui SYSTEM PUBLIC ${IMGUI_DIR} ${IMGUI_DIR}/backends
  ${IMGUI_DIR}/misc/cpp)
target_compile_options(imgui PUBLIC -pthread)

# Each shaders/NAME.EXT becomes the string constant kShader_NAME_EXT in generated/shaders.h.
file(GLOB SHADER_SOURCES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/shaders/*.vert
  ${CMAKE_SOURCE_DIR}/shaders/*.frag)
set(SHADERS_HEADER ${CMAKE_BINARY_DIR}/generated/shaders.h)
embed_files(${SHADERS_HEADER} Shader ${SHADER_SOURCES})

file(GLOB APP_SOURCES CONFIGURE_DEPENDS src/app/*.cpp src/ui/*.cpp src/ui/gl/*.cpp)
list(FILTER APP_SOURCES EXCLUDE REGEX "_model\\.cpp$")
add_executable(threadlab_app ${APP_SOURCES} ${SHADERS_HEADER})
target_link_libraries(threadlab_app PRIVATE threadlab_engine imgui)
if(TARGET threadlab_view)
  target_link_libraries(threadlab_app PRIVATE threadlab_view)
endif()
add_dependencies(threadlab_app threadlab_version)
target_include_directories(threadlab_app PRIVATE ${CMAKE_BINARY_DIR}/generated)
# Several build folders can each gather their own copy of the page (tests read THREADLAB_WEB_DIR).
set(THREADLAB_WEB_OUT ${CMAKE_SOURCE_DIR}/build/web CACHE PATH "Where the page's files are gathered")
set(WEB_OUT ${THREADLAB_WEB_OUT})
set_target_properties(threadlab_app PROPERTIES RUNTIME_OUTPUT_DIRECTORY ${WEB_OUT})
target_link_options(threadlab_app PRIVATE
  -sUSE_GLFW=3 -sMIN_WEBGL_VERSION=2 -sMAX_WEBGL_VERSION=2
  -sASYNCIFY -sPTHREAD_POOL_SIZE=2
  -sEXPORTED_FUNCTIONS=_main,_threadlab_state_json,_threadlab_paste
  "SHELL:--embed-file /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf@/fonts/DejaVuSans.ttf"
  "SHELL:--embed-file /usr/share/fonts/truetype/dejavu/DejaVuSansMono.ttf@/fonts/DejaVuSansMono.ttf"
  -sEXPORTED_RUNTIME_METHODS=ccall,UTF8ToString
  -sENVIRONMENT=web,worker)

# The hand-written shell (web/) beside the build output.
file(GLOB WEB_FILES CONFIGURE_DEPENDS ${CMAKE_SOURCE_DIR}/web/*)
add_custom_command(TARGET threadlab_app POST_BUILD
  COMMAND ${CMAKE_COMMAND} -E copy_if_different ${WEB_FILES} ${WEB_OUT}/
  COMMENT "Copying the web shell into ${WEB_OUT}")

# Fails when a part includes a library (or another part) its layer may not know.
# Dependencies point one way: core <- templates <- scanner; core <- sync; UI and CLI assemble.
set(rules
  "core|#include *[<\"](Q[A-Za-z]+|qt|opencv2/|zbar|curl/|nlohmann/|cairo|qrencode|httplib|sane/|scanstation/(templates|scanner|sync|ui)/)"
  "card-templates|#include *[<\"](Q[A-Za-z]+|opencv2/|zbar|curl/|httplib|sane/|scanstation/(scanner|sync|ui)/)"
  "scanner|#include *[<\"](Q[A-Za-z]+|curl/|httplib|scanstation/(sync|ui)/)"
  "sync|#include *[<\"](Q[A-Za-z]+|opencv2/|zbar|cairo|sane/|scanstation/(templates|scanner|ui)/)"
)
# Third-party types stay behind the edge: never in a public header of any part.
set(public_header_forbidden "#include *[<\"](opencv2/|zbar|curl/|sqlite3|nlohmann/|cairo|qrencode|httplib|sane/)")
set(failures "")
foreach(rule IN LISTS rules)
  string(REPLACE "|" ";" parts "${rule}")
  list(GET parts 0 folder)
  string(LENGTH "${folder}|" skip)
  string(SUBSTRING "${rule}" ${skip} -1 pattern)
  file(GLOB_RECURSE files "${ROOT}/${folder}/*.cpp" "${ROOT}/${folder}/*.hpp" "${ROOT}/${folder}/*.h")
  foreach(f IN LISTS files)
    file(STRINGS "${f}" hits REGEX "${pattern}")
    if(hits)
      string(APPEND failures "\n  ${f}: ${hits}")
    endif()
  endforeach()
endforeach()
file(GLOB_RECURSE headers "${ROOT}/*/include/scanstation/*.hpp")
foreach(f IN LISTS headers)
  file(STRINGS "${f}" hits REGEX "${public_header_forbidden}")
  if(hits)
    string(APPEND failures "\n  public header ${f}: ${hits}")
  endif()
endforeach()
if(failures)
  message(FATAL_ERROR "Includes that break the dependency arrows:${failures}")
endif()
message(STATUS "layering: every include follows the dependency arrows")

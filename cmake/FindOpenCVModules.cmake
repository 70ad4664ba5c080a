# Debian ships OpenCVConfig.cmake only in libopencv-dev, which drags in highgui and Qt 5.
# We install only the module -dev packages we link and import them here one by one.
# Usage: find_package(OpenCVModules REQUIRED COMPONENTS core imgproc ...) -> OpenCV::<module>
find_path(OpenCVModules_INCLUDE_DIR opencv2/core.hpp PATH_SUFFIXES opencv4)
set(OpenCVModules_FOUND TRUE)
foreach(module IN LISTS OpenCVModules_FIND_COMPONENTS)
  find_library(OpenCVModules_${module}_LIBRARY NAMES opencv_${module})
  if(NOT OpenCVModules_${module}_LIBRARY OR NOT OpenCVModules_INCLUDE_DIR)
    set(OpenCVModules_FOUND FALSE)
    if(OpenCVModules_FIND_REQUIRED)
      message(FATAL_ERROR "OpenCV module '${module}' not found: install libopencv-${module}-dev")
    endif()
    continue()
  endif()
  if(NOT TARGET OpenCV::${module})
    add_library(OpenCV::${module} UNKNOWN IMPORTED)
    set_target_properties(OpenCV::${module} PROPERTIES
      IMPORTED_LOCATION "${OpenCVModules_${module}_LIBRARY}"
      INTERFACE_INCLUDE_DIRECTORIES "${OpenCVModules_INCLUDE_DIR}")
  endif()
endforeach()

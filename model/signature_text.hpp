#pragma once
// Types as the model writes them inside routine signatures it keeps as text (an
// operator's argument list, an operator class's member keys "operator 1 (lt, rt)" and
// function values "s.f(t1, t2)", its FOR TYPE and STORAGE): the qualified name and "[]"
// per array dimension, no modifiers ("public.complex", "integer", "public.t[]"). The
// front end writes them, the dependency graph and the planners read them back.
#include <string>
#include <vector>

#include "model/type_ref.hpp"

namespace schemerge::model {

[[nodiscard]] std::string signature_type_text(const TypeRef& type);
[[nodiscard]] TypeRef signature_type(std::string text);
// The types listed in the last "(a, b)" of `text`, split at ", "; none for "()".
[[nodiscard]] std::vector<std::string> signature_types(const std::string& text);

}  // namespace schemerge::model

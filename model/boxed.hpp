#pragma once
#include <memory>

namespace schemerge::model {

// A value of T kept on the heap, for members most objects leave at their default
// (a column's identity options): an unset Boxed costs one pointer instead of
// sizeof(T), and reads as a default-constructed T. Copies are deep, equality is by
// value, so the owning struct keeps plain value semantics.
template <typename T>
class Boxed {
public:
    Boxed() = default;
    Boxed(T value) : ptr_(std::make_unique<T>(std::move(value))) {}  // NOLINT: implicit by design
    Boxed(const Boxed& other) : ptr_(other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;
    Boxed& operator=(const Boxed& other) {
        if (this != &other) {
            ptr_ = other.ptr_ ? std::make_unique<T>(*other.ptr_) : nullptr;
        }
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(T value) {
        ptr_ = std::make_unique<T>(std::move(value));
        return *this;
    }

    [[nodiscard]] const T& get() const { return ptr_ ? *ptr_ : empty(); }
    [[nodiscard]] const T& operator*() const { return get(); }
    [[nodiscard]] const T* operator->() const { return &get(); }
    operator const T&() const { return get(); }  // NOLINT: reads like a T
    // Mutable access allocates on first use.
    [[nodiscard]] T& mut() {
        if (!ptr_) {
            ptr_ = std::make_unique<T>();
        }
        return *ptr_;
    }

    bool operator==(const Boxed& other) const { return get() == other.get(); }

private:
    static const T& empty() {
        static const T value{};
        return value;
    }
    std::unique_ptr<T> ptr_;
};

}  // namespace schemerge::model

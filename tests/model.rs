//! Model round trips: placeholder filled below.

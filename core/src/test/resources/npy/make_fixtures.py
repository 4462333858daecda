"""Writes the .npy/.npz fixtures of NpyTest with NumPy itself (run once: python3 make_fixtures.py).
Every array holds values the test recomputes from a formula: a[i] = i * 0.5 - 3 (floats) or i - 3 (ints),
in C order over the shape, so the reader is checked against NumPy's own writer, not against itself."""
import numpy as np

def ramp(shape, dtype):
    n = int(np.prod(shape))
    if np.dtype(dtype).kind == 'f':
        v = np.arange(n) * 0.5 - 3
    elif np.dtype(dtype).kind == 'u':
        v = np.arange(n)
    else:
        v = np.arange(n) - 3
    return v.astype(dtype).reshape(shape)

np.save('f8_2x3.npy', ramp((2, 3), '<f8'))
np.save('f4_4.npy', ramp((4,), '<f4'))
np.save('be_f8_3x2.npy', ramp((3, 2), '>f8'))
np.save('i8_2x2x2.npy', ramp((2, 2, 2), '<i8'))
np.save('i4_5.npy', ramp((5,), '<i4'))
np.save('u1_6.npy', ramp((6,), 'u1'))
np.save('scalar.npy', np.array(2.5))
np.save('fortran_2x3x4.npy', np.asfortranarray(ramp((2, 3, 4), '<f8')))
np.save('empty_0x3.npy', np.zeros((0, 3)))
np.savez('two_arrays.npz', W1=ramp((3, 2, 4), '<f8'), W2=ramp((3, 4, 2), '<f8'))
np.savez_compressed('compressed.npz', A=ramp((4, 2, 2), '<f8'))
with open('v2_f8_3.npy', 'wb') as f:
    np.lib.format.write_array(f, ramp((3,), '<f8'), version=(2, 0))
np.save('object.npy', np.array([1, 'a'], dtype=object), allow_pickle=True)
np.save('c16_2.npy', np.array([1 + 2j, 3j]))

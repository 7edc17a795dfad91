namespace DenseLinear;

/// <summary>Row-major matrix moves shared by the layers and the file readers.</summary>
internal static class RowMajor
{
    /// <summary>The transpose of a row-major [rows×columns] matrix, row-major [columns×rows], in a new array.</summary>
    public static T[] Transpose<T>(T[] matrix, int rows, int columns)
    {
        var result = new T[matrix.Length];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                result[(j * rows) + i] = matrix[(i * columns) + j];
            }
        }

        return result;
    }
}

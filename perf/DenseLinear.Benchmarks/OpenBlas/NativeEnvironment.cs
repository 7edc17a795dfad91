using System.Runtime.InteropServices;

namespace DenseLinear.Benchmarks.OpenBlas;

/// <summary>
/// Sets or removes an environment variable for native code in this process and for the processes it starts. On
/// Unix .NET keeps its own copy of the environment, so a library that calls <c>getenv</c> when it loads (OpenBLAS
/// reads <c>OPENBLAS_CORETYPE</c>) sees only what libc's <c>setenv</c> wrote; child processes get the managed copy.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>Sets <paramref name="name"/> to <paramref name="value"/>, or removes it when the value is null.</summary>
    public static void Set(string name, string? value)
    {
        Environment.SetEnvironmentVariable(name, value);
        if (OperatingSystem.IsWindows())
        {
            return;
        }

        int result = value is null ? UnsetEnv(name) : SetEnv(name, value, 1);
        if (result != 0)
        {
            throw new InvalidOperationException($"libc could not {(value is null ? "remove" : "set")} {name} (errno {Marshal.GetLastPInvokeError()}).");
        }
    }

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int SetEnv(string name, string value, int overwrite);

    [LibraryImport("libc", EntryPoint = "unsetenv", StringMarshalling = StringMarshalling.Utf8, SetLastError = true)]
    private static partial int UnsetEnv(string name);
}

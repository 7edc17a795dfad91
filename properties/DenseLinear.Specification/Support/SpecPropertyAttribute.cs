using FsCheck.Xunit;
#if !XUNIT_V3
using Xunit.Sdk;
#endif

namespace DenseLinear.Specification.Support;

/// <summary>
/// An FsCheck property whose case count, size and replay seed come from <see cref="SpecificationSettings"/>, so one
/// environment variable switches every property of the suite to the deep profile or to a replay. Under xunit 2 its
/// failures are reported through <see cref="FailureReport"/> (by <c>SpecPropertyDiscoverer</c>).
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
#if !XUNIT_V3
[XunitTestCaseDiscoverer("DenseLinear.Specification.Support.SpecPropertyDiscoverer", "DenseLinear.Specification")]
#endif
public sealed class SpecPropertyAttribute : PropertyAttribute
{
    /// <summary>Applies the settings.</summary>
    public SpecPropertyAttribute()
    {
        MaxTest = SpecificationSettings.MaxTest;
        EndSize = SpecificationSettings.EndSize;
        QuietOnSuccess = false;
        if (SpecificationSettings.Replay is { } replay)
        {
            Replay = replay;
        }
    }
}

using Microsoft.ML.OnnxRuntime;
using Onnx;

namespace DenseLinear.Interop.Tests.Onnx;

/// <summary>ONNX Runtime sessions for <see cref="OnnxGraphs"/>, created once per model and kept for the test run.</summary>
public static class OrtSessions
{
    private static readonly Dictionary<string, InferenceSession> Sessions = [];
    private static readonly Lock Gate = new();

    /// <summary>The session for Gemm over <typeparamref name="T"/>.</summary>
    public static InferenceSession Gemm<T>(bool transB, bool bias = true) =>
        Get($"gemm/{typeof(T).Name}/{transB}/{bias}", () => OnnxGraphs.Gemm(ElementType<T>(), transB, bias));

    /// <summary>The session for MatMul + Add over <typeparamref name="T"/> with rank-<paramref name="inputRank"/> input.</summary>
    public static InferenceSession MatMulAdd<T>(int inputRank) =>
        Get($"matmul-add/{typeof(T).Name}/{inputRank}", () => OnnxGraphs.MatMulAdd(ElementType<T>(), inputRank));

    /// <summary>Runs <paramref name="session"/> on (name, values, shape) inputs and returns the output Y's values and shape.</summary>
    public static (T[] Values, long[] Shape) Run<T>(InferenceSession session, params (string Name, T[] Values, long[] Shape)[] inputs)
        where T : unmanaged
    {
        var values = inputs.ToDictionary(input => input.Name, input => OrtValue.CreateTensorValueFromMemory(input.Values, input.Shape));
        try
        {
            using var runOptions = new RunOptions();
            using IDisposableReadOnlyCollection<OrtValue> outputs = session.Run(runOptions, values, ["Y"]);
            OrtValue y = outputs[0];
            return (y.GetTensorDataAsSpan<T>().ToArray(), y.GetTensorTypeAndShape().Shape);
        }
        finally
        {
            foreach (OrtValue value in values.Values)
            {
                value.Dispose();
            }
        }
    }

    private static TensorProto.Types.DataType ElementType<T>() =>
        typeof(T) == typeof(float) ? TensorProto.Types.DataType.Float
        : typeof(T) == typeof(double) ? TensorProto.Types.DataType.Double
        : throw new NotSupportedException(typeof(T).Name);

    private static InferenceSession Get(string key, Func<byte[]> model)
    {
        lock (Gate)
        {
            if (!Sessions.TryGetValue(key, out InferenceSession? session))
            {
                // One thread each: the machine's cores are shared, and the models are tiny. Rejections the tests
                // provoke arrive as exceptions, so ORT's own error log would only be noise.
                using var options = new SessionOptions
                {
                    IntraOpNumThreads = 1,
                    InterOpNumThreads = 1,
                    LogSeverityLevel = OrtLoggingLevel.ORT_LOGGING_LEVEL_FATAL,
                };
                session = new InferenceSession(model(), options);
                Sessions[key] = session;
            }

            return session;
        }
    }
}

import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Native and WASM packages stay outside the server bundle: Node loads them at run time.
  serverExternalPackages: ["better-sqlite3", "@node-rs/argon2", "@prisma/adapter-better-sqlite3", "pg", "shiki"],
  poweredByHeader: false,
  // Dev resources (HMR) also answer on 127.0.0.1, which local tools and tests use.
  allowedDevOrigins: ["127.0.0.1"],
  typedRoutes: false,
  outputFileTracingIncludes: { "/**": ["./content/**/*"] },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "strict-origin-when-cross-origin" },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
